import { useMemo } from 'react';
import type { User } from '../api/types';
import { FormField } from '../components/FormField';
import { hasNoteFilters, NO_NOTE_FILTERS, type NoteFilters } from './filters';
import { isNoteType, isPriority, NOTE_TYPES, PRIORITIES, priorityLabel } from './labels';

interface Props {
  filters: NoteFilters;
  onChange: (filters: NoteFilters) => void;
  /** The agents the viewer can see (the agent filter's choices); undefined while loading. */
  agents: readonly User[] | undefined;
}

/** The notes list's filters; each applies as soon as it changes (and goes into the address). */
export function NotesFilters({ filters, onChange, agents }: Props) {
  const set = (change: Partial<NoteFilters>) => onChange({ ...filters, ...change });
  const sortedAgents = useMemo(
    () => [...(agents ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [agents],
  );
  // An agent in the address the list does not know (yet) still shows as chosen.
  const agentKnown = !filters.agentId || sortedAgents.some((a) => a.id === filters.agentId);
  return (
    <form
      className="card card-body notes-filters"
      aria-label="Filter the notes"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="notes-filters-grid">
        <FormField label="Status">
          {(control) => (
            <select
              {...control}
              value={filters.addressed}
              onChange={(e) => {
                const v = e.target.value;
                set({ addressed: v === 'true' || v === 'false' ? v : '' });
              }}
            >
              <option value="">Open and addressed</option>
              <option value="false">Open</option>
              <option value="true">Addressed</option>
            </select>
          )}
        </FormField>
        <FormField label="Type">
          {(control) => (
            <select
              {...control}
              value={filters.noteType}
              onChange={(e) => {
                const v = e.target.value;
                set({ noteType: isNoteType(v) ? v : '' });
              }}
            >
              <option value="">Any type</option>
              {NOTE_TYPES.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Priority">
          {(control) => (
            <select
              {...control}
              value={filters.priority}
              onChange={(e) => {
                const v = e.target.value;
                set({ priority: isPriority(v) ? v : '' });
              }}
            >
              <option value="">Any priority</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {priorityLabel(p)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Agent" hint={agents === undefined ? 'Loading the agents…' : undefined}>
          {(control) => (
            <select {...control} value={filters.agentId} onChange={(e) => set({ agentId: e.target.value })}>
              <option value="">Any agent</option>
              {!agentKnown && <option value={filters.agentId}>The agent in the link</option>}
              {sortedAgents.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="notes-filters-end">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
          />
          Only notes past their deadline
        </label>
        {hasNoteFilters(filters) && (
          <button type="button" className="button button-secondary" onClick={() => onChange(NO_NOTE_FILTERS)}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
