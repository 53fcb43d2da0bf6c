import { useMemo, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client';
import { TextField } from '../components/FormField';
import { ComboBoxField, type ComboOption } from '../users/ComboBoxField';
import { splitErrors } from '../users/formErrors';
import { ActorPicker } from './ActorPicker';
import { hasAuditFilters, NO_AUDIT_FILTERS, paramOf, searchFromAuditFilters, type AuditFilters } from './filters';
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from './labels';

interface Props {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
  /** The list's refusal (422 names the filters it did not accept). */
  error: ApiError | null;
}

const FILTER_PARAMS = ['actor_id', 'entity_type', 'entity_id', 'action', 'from', 'to'];

/** Filters of the audit log, applied together ("Apply filters") and kept in the address. */
export function AuditFiltersForm({ filters, onApply, error }: Props) {
  const [draft, setDraft] = useState(filters);
  // Filters applied from elsewhere (the address, "Clear") are what the form shows.
  const applied = searchFromAuditFilters(filters).toString();
  const [shown, setShown] = useState(applied);
  if (applied !== shown) {
    setShown(applied);
    setDraft(filters);
  }
  const { byField } = splitErrors(error?.status === 422 ? error : null, FILTER_PARAMS);
  const err = (filter: keyof AuditFilters) => byField[paramOf(filter)];
  const set = (change: Partial<AuditFilters>) => setDraft((d) => ({ ...d, ...change }));

  const actions = useMemo<ComboOption[]>(
    () => KNOWN_ACTIONS.map((a) => ({ id: a.action, label: a.action, detail: a.label })),
    [],
  );
  const types = useMemo<ComboOption[]>(
    () => KNOWN_ENTITY_TYPES.map((t) => ({ id: t.type, label: t.type, detail: t.label })),
    [],
  );

  function clear() {
    setDraft(NO_AUDIT_FILTERS);
    onApply(NO_AUDIT_FILTERS);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(draft);
  }

  return (
    <form className="card card-body audit-filters" aria-label="Filter the audit log" noValidate onSubmit={onSubmit}>
      <div className="audit-filters-grid">
        <ActorPicker
          label="Who"
          value={draft.actorId}
          onChange={(actorId) => set({ actorId })}
          error={err('actorId')}
        />
        <ComboBoxField
          label="Entity type"
          options={types}
          value={types.some((t) => t.id === draft.entityType) ? draft.entityType : null}
          onChange={(id) => {
            if (id !== null) set({ entityType: id });
          }}
          allowsCustomValue
          inputValue={draft.entityType}
          onInputChange={(entityType) => set({ entityType })}
          error={err('entityType')}
        />
        <TextField
          label="Entity ID"
          value={draft.entityId}
          onChange={(e) => set({ entityId: e.target.value })}
          error={err('entityId')}
          className="mono"
          spellCheck={false}
          autoComplete="off"
        />
        <ComboBoxField
          label="Action"
          options={actions}
          value={actions.some((a) => a.id === draft.action) ? draft.action : null}
          onChange={(id) => {
            if (id !== null) set({ action: id });
          }}
          allowsCustomValue
          inputValue={draft.action}
          onInputChange={(action) => set({ action })}
          error={err('action')}
        />
        <TextField
          label="From"
          type="date"
          value={draft.from}
          onChange={(e) => set({ from: e.target.value })}
          error={err('from')}
        />
        <TextField
          label="To"
          type="date"
          value={draft.to}
          onChange={(e) => set({ to: e.target.value })}
          error={err('to')}
        />
      </div>
      <p className="field-hint">Days are the organisation's, both included.</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Apply filters
        </button>
        {(hasAuditFilters(filters) || hasAuditFilters(draft)) && (
          <button type="button" className="button button-secondary" onClick={clear}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
