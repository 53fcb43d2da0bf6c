import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useNavigate } from 'react-router';
import type { User } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useDeletePerson, usePasswordReset } from './hooks';

interface Props {
  person: User;
  /** Offer the soft delete (ADMINs, not on themselves). */
  mayDelete: boolean;
}

/** "Send password reset" (a mail goes out with a link) and, for ADMINs, the soft delete. */
export function AccountCard({ person, mayDelete }: Props) {
  const reset = usePasswordReset();
  const terminated = person.status === 'TERMINATED';
  return (
    <section className="card" aria-labelledby="person-account-heading">
      <div className="card-header">
        <h2 id="person-account-heading">Account</h2>
      </div>
      <div className="card-body stack">
        <div className="stack person-reset">
          <p>
            A password reset mails {person.email} a link to choose a new password (for someone
            new: their first one).
          </p>
          {terminated ? (
            <p className="muted">
              Terminated people cannot sign in, so no reset mail goes out: reactivate them first.
            </p>
          ) : (
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                disabled={reset.isPending}
                onClick={() => reset.mutate(person.email)}
              >
                {reset.isPending ? 'Sending…' : 'Send password reset'}
              </button>
              <p role="status" className="form-outcome">
                {reset.isSuccess &&
                  `A password reset mail is on its way to ${person.email}; its link works for one hour.`}
              </p>
            </div>
          )}
          {reset.isError && (
            <ErrorAlert title="The reset mail was not sent">{reset.error.message}</ErrorAlert>
          )}
        </div>
        {mayDelete && <DeletePerson person={person} />}
      </div>
    </section>
  );
}

function DeletePerson({ person }: { person: User }) {
  const remove = useDeletePerson(person.id);
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);

  function onOpenChange(next: boolean) {
    if (remove.isPending) return;
    if (next) remove.reset();
    setOpen(next);
  }

  function confirm() {
    remove.mutate(undefined, {
      onSuccess: () => {
        setOpen(false);
        void navigate('/people', { state: { notice: `${person.name} was deleted.` } });
      },
    });
  }

  return (
    <div className="stack person-delete">
      <p>
        Deleting removes {person.name} from every list and ends their sessions; the records about
        them stay.
      </p>
      <div>
        <Button className="button button-danger" onPress={() => onOpenChange(true)}>
          Delete…
        </Button>
      </div>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={onOpenChange}
        title={`Delete ${person.name}?`}
        confirmLabel="Delete"
        busyLabel="Deleting…"
        busy={remove.isPending}
        onConfirm={confirm}
      >
        <p>They can no longer sign in and no longer appear in lists. This cannot be undone here.</p>
        {remove.error && (
          <ErrorAlert title={`${person.name} was not deleted`}>{remove.error.message}</ErrorAlert>
        )}
      </ConfirmDialog>
    </div>
  );
}
