import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { User, UserStatus } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StatusBadge } from '../components/StatusBadge';
import { statusLabel } from '../format/labels';
import { FormErrorAlert } from './FormErrorAlert';
import { useUpdatePerson } from './hooks';
import { isInactive } from './permissions';

type Deactivation = Extract<UserStatus, 'LEAVE' | 'TERMINATED'>;

const DEACTIVATIONS: ReadonlyArray<{ value: Deactivation; label: string; hint: string }> = [
  { value: 'LEAVE', label: 'On leave', hint: 'Away for a while; they can still sign in.' },
  {
    value: 'TERMINATED',
    label: 'Terminated',
    hint: 'They have left: they can no longer sign in, and their sessions end at once.',
  },
];

/** Deactivate (on leave or terminated, after a confirmation) and reactivate. */
export function StatusCard({ person }: { person: User }) {
  const update = useUpdatePerson(person.id);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<Deactivation>('LEAVE');
  const [outcome, setOutcome] = useState<string | null>(null);
  const inactive = isInactive(person);

  function onOpenChange(next: boolean) {
    if (update.isPending) return;
    if (next) {
      update.reset();
      setChoice('LEAVE');
    }
    setOpen(next);
  }

  function deactivate() {
    setOutcome(null);
    update.mutate(
      { status: choice },
      {
        onSuccess: (saved) => {
          setOpen(false);
          setOutcome(`${saved.name} is now ${statusLabel(saved.status).toLowerCase()}.`);
        },
      },
    );
  }

  function reactivate() {
    setOutcome(null);
    update.mutate(
      { status: 'ACTIVE' },
      { onSuccess: (saved) => setOutcome(`${saved.name} is active again.`) },
    );
  }

  return (
    <section className="card" aria-labelledby="person-status-heading">
      <div className="card-header">
        <h2 id="person-status-heading">Status</h2>
      </div>
      <div className="card-body stack">
        <p>
          Status: <StatusBadge status={person.status} />
        </p>
        {!open && update.error && (
          <FormErrorAlert title="The status was not changed" error={update.error} />
        )}
        <div className="form-actions">
          {inactive ? (
            <button
              type="button"
              className="button button-primary"
              onClick={reactivate}
              disabled={update.isPending}
            >
              {update.isPending ? 'Reactivating…' : 'Reactivate'}
            </button>
          ) : (
            <Button className="button button-danger" onPress={() => onOpenChange(true)}>
              Deactivate…
            </Button>
          )}
          <p role="status" className="form-outcome">
            {!update.isPending && outcome}
          </p>
        </div>
      </div>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={onOpenChange}
        title={`Deactivate ${person.name}?`}
        confirmLabel="Deactivate"
        busyLabel="Deactivating…"
        busy={update.isPending}
        onConfirm={deactivate}
      >
        <fieldset className="choice-group">
          <legend>New status</legend>
          <div className="choice-list">
            {DEACTIVATIONS.map((d) => (
              <label key={d.value} className="choice">
                <input
                  type="radio"
                  name="deactivation"
                  value={d.value}
                  checked={choice === d.value}
                  onChange={() => setChoice(d.value)}
                />
                <span className="choice-text">
                  <span className="choice-label">{d.label}</span>
                  <span className="choice-hint">{d.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {update.error && <FormErrorAlert title="Not deactivated" error={update.error} />}
      </ConfirmDialog>
    </section>
  );
}
