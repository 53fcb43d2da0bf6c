import { useState, type FormEvent } from 'react';
import type { User } from '../api/types';
import { splitErrors } from './formErrors';
import { FormErrorAlert } from './FormErrorAlert';
import { useDirectory, useUpdatePerson } from './hooks';
import { PersonPicker } from './PersonPicker';

/** "Move to another team leader": an agent's team_leader_id, changed on its own. */
export function MoveAgentCard({ agent }: { agent: User }) {
  const move = useUpdatePerson(agent.id);
  const leaders = useDirectory('TEAM_LEADER');
  const [target, setTarget] = useState<string | null>(null);
  const [moved, setMoved] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const { byField, other } = splitErrors(move.error, ['team_leader_id']);
  const nameOf = (id: string | null) => leaders.data?.find((l) => l.id === id)?.name ?? null;
  const current = nameOf(agent.team_leader_id);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMoved(null);
    if (!target) {
      setMissing(true);
      return;
    }
    const name = nameOf(target);
    move.mutate(
      { team_leader_id: target },
      {
        onSuccess: () => {
          setTarget(null);
          setMoved(name ?? 'the new team leader');
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="person-move-heading">
      <div className="card-header">
        <h2 id="person-move-heading">Team</h2>
      </div>
      <form className="form card-body" noValidate onSubmit={onSubmit} aria-labelledby="person-move-heading">
        <p>
          {agent.team_leader_id
            ? `${agent.name} is in the team of ${current ?? 'a team leader you cannot see'}.`
            : `${agent.name} has no team leader.`}
        </p>
        <PersonPicker
          label="Move to another team leader"
          role="TEAM_LEADER"
          value={target}
          onChange={(id) => {
            setTarget(id);
            setMissing(false);
            setMoved(null);
          }}
          error={byField.team_leader_id ?? (missing ? 'Choose the team leader to move them to.' : null)}
          exclude={agent.team_leader_id ? [agent.team_leader_id] : []}
        />
        {move.error && <FormErrorAlert title="Not moved" error={move.error} other={other} />}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={move.isPending}>
            {move.isPending ? 'Moving…' : 'Move'}
          </button>
          <p role="status" className="form-outcome">
            {moved && !move.isPending && `Moved to the team of ${moved}.`}
          </p>
        </div>
      </form>
    </section>
  );
}
