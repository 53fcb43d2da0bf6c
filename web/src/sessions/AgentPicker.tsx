import { useMemo } from 'react';
import { ComboBoxField, type ComboOption } from '../users/ComboBoxField';
import { useDirectory } from '../users/hooks';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | null | undefined;
}

/** An agent of the caller's scope (GET /users?role=AGENT), found by typing part of a name. */
export function AgentPicker({ value, onChange, error }: Props) {
  const agents = useDirectory('AGENT');
  const options = useMemo<ComboOption[]>(
    () =>
      (agents.data ?? [])
        // Someone who has left gets no sessions (the server refuses them).
        .filter((a) => a.status !== 'TERMINATED' && a.deleted_at === null)
        .map((a) => ({
          id: a.id,
          label: a.name,
          detail: a.employee_id ? `${a.email} · ${a.employee_id}` : a.email,
        })),
    [agents.data],
  );
  const loadError = agents.isError ? `Could not load your agents: ${agents.error.message}` : null;
  return (
    <ComboBoxField
      label="Agent"
      options={options}
      value={value}
      onChange={onChange}
      error={error ?? loadError}
      hint={agents.isPending ? 'Loading your agents…' : 'Type part of a name or email.'}
      isRequired
      emptyText="No agent matches"
    />
  );
}
