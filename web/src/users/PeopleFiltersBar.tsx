import { useEffect, useState, type FormEvent } from 'react';
import type { Role, UserStatus } from '../api/types';
import { FormField } from '../components/FormField';
import { roleLabel, statusLabel } from '../format/labels';
import { MAX_QUERY_LENGTH, ROLES, STATUSES, type PeopleFilters } from './filters';

/** How long typing pauses before the search runs. */
export const SEARCH_DELAY_MS = 300;

interface Props {
  filters: PeopleFilters;
  onChange: (filters: PeopleFilters) => void;
  /** Offer "Show deleted people" (ADMINs: the server ignores it for others). */
  offerDeleted: boolean;
}

/** Search (name, email or employee id) and filters by role and status. */
export function PeopleFiltersBar({ filters, onChange, offerDeleted }: Props) {
  // The search box keeps what is typed; the list follows once typing pauses (or on Enter).
  const [text, setText] = useState(filters.q);
  const [shownQ, setShownQ] = useState(filters.q);
  if (filters.q !== shownQ) {
    // The address changed (Back, "Clear filters"): the box shows its search.
    setShownQ(filters.q);
    setText(filters.q);
  }

  useEffect(() => {
    if (text.trim() === filters.q.trim()) return;
    const timer = setTimeout(() => onChange({ ...filters, q: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filters, onChange]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() !== filters.q.trim()) onChange({ ...filters, q: text });
  }

  return (
    <form className="people-filters" role="search" aria-label="Find people" onSubmit={onSubmit}>
      <FormField label="Search" hint="Part of a name, email or employee ID.">
        {(control) => (
          <input
            {...control}
            type="search"
            value={text}
            maxLength={MAX_QUERY_LENGTH}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <FormField label="Role">
        {(control) => (
          <select
            {...control}
            value={filters.role ?? ''}
            onChange={(e) => onChange({ ...filters, role: (e.target.value || null) as Role | null })}
          >
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Status">
        {(control) => (
          <select
            {...control}
            value={filters.status ?? ''}
            onChange={(e) =>
              onChange({ ...filters, status: (e.target.value || null) as UserStatus | null })
            }
          >
            <option value="">All statuses</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {offerDeleted && (
        <label className="checkbox people-filters-deleted">
          <input
            type="checkbox"
            checked={filters.includeDeleted}
            onChange={(e) => onChange({ ...filters, includeDeleted: e.target.checked })}
          />
          <span>Show deleted people</span>
        </label>
      )}
    </form>
  );
}
