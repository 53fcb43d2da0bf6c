import { ErrorAlert } from '../components/ErrorAlert';
import { useCancelSession, useMarkNoShow, useStartSession } from './hooks';
import type { SessionActions } from './permissions';
import { ReasonDialog } from './ReasonDialog';
import { RescheduleDialog } from './RescheduleDialog';
import type { VersionedSession } from './sessionsApi';

interface Props {
  current: VersionedSession;
  actions: SessionActions;
}

/** The moves the session's status allows this viewer: start, reschedule, cancel, no-show. */
export function SessionActionsBar({ current, actions }: Props) {
  const id = current.session.id;
  const start = useStartSession(id);
  const cancel = useCancelSession(id);
  const noShow = useMarkNoShow(id);
  if (!actions.start && !actions.reschedule && !actions.cancel && !actions.noShow && !actions.complete)
    return null;
  return (
    <section className="card" aria-labelledby="session-actions-heading">
      <div className="card-header">
        <h2 id="session-actions-heading">Actions</h2>
      </div>
      <div className="card-body stack">
        <div className="button-row">
          {actions.start && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => start.mutate()}
              disabled={start.isPending}
            >
              {start.isPending ? 'Starting…' : 'Start session'}
            </button>
          )}
          {actions.complete && (
            <a className="button button-primary" href="#complete-session">
              Complete session
            </a>
          )}
          {actions.reschedule && <RescheduleDialog current={current} />}
          {actions.cancel && (
            <ReasonDialog
              triggerLabel="Cancel session…"
              title="Cancel this session?"
              description="A cancelled session cannot be started again; schedule a new one if you still want to meet."
              hint="The agent is told this reason."
              confirmLabel="Cancel session"
              busyLabel="Cancelling…"
              mutate={(reason, callbacks) => cancel.mutate(reason, callbacks)}
              reset={cancel.reset}
              pending={cancel.isPending}
              error={cancel.error}
            />
          )}
          {actions.noShow && (
            <ReasonDialog
              triggerLabel="Mark as no-show…"
              title="Mark as a no-show?"
              description="The agent did not come. Two no-shows within 30 days alert their manager."
              confirmLabel="Mark as no-show"
              busyLabel="Saving…"
              mutate={(reason, callbacks) => noShow.mutate(reason, callbacks)}
              reset={noShow.reset}
              pending={noShow.isPending}
              error={noShow.error}
            />
          )}
        </div>
        {start.error && (
          <ErrorAlert title="The session was not started">
            <p>{start.error.message}</p>
          </ErrorAlert>
        )}
      </div>
    </section>
  );
}
