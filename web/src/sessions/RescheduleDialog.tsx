import { useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorAlert } from '../components/ErrorAlert';
import { isStaleWrite, overlapConflicts } from './conflicts';
import { ConflictList } from './ConflictList';
import { useReschedule } from './hooks';
import {
  rescheduleBody,
  serverFieldErrors,
  validateWhen,
  whenOf,
  type WhenDraft,
} from './scheduleForm';
import type { VersionedSession } from './sessionsApi';
import { WhenFields } from './WhenFields';

/**
 * "Reschedule…": a new date, time and length for a scheduled session, sent with If-Match of the
 * version on screen. An overlap lists the sessions already there (then "Move anyway"); a
 * version changed meanwhile is said, and the page shows the new one.
 */
export function RescheduleDialog({ current }: { current: VersionedSession }) {
  const { session } = current;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<WhenDraft>(() =>
    whenOf(session.scheduled_date, session.planned_minutes),
  );
  const [submitted, setSubmitted] = useState(false);
  const reschedule = useReschedule(session.id);
  const errors = { ...serverFieldErrors(reschedule.error), ...(submitted ? validateWhen(draft) : {}) };
  const conflicts = overlapConflicts(reschedule.error);
  const stale = isStaleWrite(reschedule.error);

  function onOpenChange(next: boolean) {
    if (reschedule.isPending) return;
    if (next) {
      reschedule.reset();
      setDraft(whenOf(session.scheduled_date, session.planned_minutes));
      setSubmitted(false);
    }
    setOpen(next);
  }

  function change(next: Partial<WhenDraft>) {
    if (reschedule.error) reschedule.reset();
    setDraft((d) => ({ ...d, ...next }));
  }

  function submit(allowOverlap: boolean) {
    setSubmitted(true);
    if (Object.keys(validateWhen(draft)).length > 0) return;
    const patch = rescheduleBody(draft, allowOverlap);
    if (!patch) return;
    // The version on screen now (a stale refusal has just brought the newer one).
    reschedule.mutate({ patch, etag: current.etag }, { onSuccess: () => setOpen(false) });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(false);
  }

  return (
    <>
      <Button className="button button-secondary" onPress={() => onOpenChange(true)}>
        Reschedule…
      </Button>
      <ModalOverlay
        className="modal-overlay"
        isOpen={open}
        onOpenChange={onOpenChange}
        isDismissable={!reschedule.isPending}
      >
        <Modal className="modal modal-form">
          <Dialog className="dialog">
            <Heading slot="title" className="dialog-title">
              Reschedule the session with {session.agent_name}
            </Heading>
            <form className="form" noValidate onSubmit={onSubmit} aria-label="Reschedule">
              <p className="muted">The current time is kept in the session&apos;s history; the agent is told.</p>
              <WhenFields draft={draft} onChange={change} errors={errors} />
              {conflicts && (
                <ConflictList
                  conflicts={conflicts}
                  action={
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => submit(true)}
                      disabled={reschedule.isPending}
                    >
                      Move anyway
                    </button>
                  }
                />
              )}
              {stale && (
                <ErrorAlert title="Not rescheduled: the session changed meanwhile">
                  <p>
                    Someone changed this session since you opened it; the page now shows their
                    version. Check the time and send it again.
                  </p>
                </ErrorAlert>
              )}
              {reschedule.error && !conflicts && !stale && (
                <ErrorAlert title="Not rescheduled">
                  <p>{reschedule.error.message}</p>
                </ErrorAlert>
              )}
              <div className="button-row dialog-actions">
                <button type="submit" className="button button-primary" disabled={reschedule.isPending}>
                  {reschedule.isPending ? 'Rescheduling…' : 'Reschedule'}
                </button>
                <Button
                  className="button button-secondary"
                  onPress={() => onOpenChange(false)}
                  isDisabled={reschedule.isPending}
                >
                  Cancel
                </Button>
              </div>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
