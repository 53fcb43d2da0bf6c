import { useEffect, useRef } from 'react';
import { Link, useParams } from 'react-router';
import type { User } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { AcknowledgeForm } from './AcknowledgeForm';
import { CompleteForm } from './CompleteForm';
import { formatLongDate, formatTimeRange } from './dates';
import { useNotesAutosave, useSession } from './hooks';
import { sessionStatusLabel, sessionTypeLabel } from './labels';
import { LiveNotes } from './LiveNotes';
import { mayAnswer, sessionActions, type SessionActions } from './permissions';
import { PrepSection } from './PrepSection';
import { SessionActionsBar } from './SessionActionsBar';
import { SessionNotesReadOnly, SessionOutcome } from './SessionOutcome';
import type { VersionedSession } from './sessionsApi';
import { SessionSummary } from './SessionSummary';

function BackLink({ viewer }: { viewer: User }) {
  return (
    <p>
      {viewer.role === 'AGENT' ? (
        <Link to="/my-sessions">Back to My sessions</Link>
      ) : (
        <Link to="/sessions">Back to Sessions</Link>
      )}
    </p>
  );
}

/** The server answered 404: no such session, or one the viewer may not see (it never says which). */
function SessionNotFound({ viewer }: { viewer: User }) {
  return (
    <>
      <PageHeader title="Session not found" description="No session here, or not one you can see." />
      <BackLink viewer={viewer} />
    </>
  );
}

function minutesSince(instant: string | null): number | null {
  if (!instant) return null;
  const ms = Date.now() - new Date(instant).getTime();
  return Number.isNaN(ms) ? null : Math.max(0, Math.round(ms / 60_000));
}

/** While scheduled or in progress: the live notes (autosaved) and, in progress, completion. */
function LiveSession({ current, actions }: { current: VersionedSession; actions: SessionActions }) {
  const { state, controller } = useNotesAutosave(current);
  return (
    <>
      <LiveNotes state={state} controller={controller} />
      {actions.complete && (
        <CompleteForm
          sessionId={current.session.id}
          minutesSoFar={minutesSince(current.session.actual_start_time)}
          flushNotes={() => controller.flush()}
        />
      )}
    </>
  );
}

function SessionView({ current, viewer }: { current: VersionedSession; viewer: User }) {
  const { session } = current;
  const actions = sessionActions(session, viewer.role);
  const outcomeRef = useRef<HTMLHeadingElement>(null);
  // Completed here and now: the outcome that replaces the form takes the focus.
  const shownStatus = useRef(session.status);
  useEffect(() => {
    if (shownStatus.current !== session.status && session.status === 'COMPLETED')
      outcomeRef.current?.focus();
    shownStatus.current = session.status;
  }, [session.status]);

  const title =
    viewer.role === 'AGENT'
      ? `Coaching session with ${session.team_leader_name}`
      : `Coaching session with ${session.agent_name}`;
  return (
    <>
      <BackLink viewer={viewer} />
      <PageHeader
        title={title}
        description={`${formatLongDate(session.scheduled_date)}, ${formatTimeRange(
          session.scheduled_date,
          session.planned_minutes,
        )} · ${sessionTypeLabel(session.session_type)} · ${sessionStatusLabel(session.status)}`}
      />
      <SessionSummary session={session} viewerRole={viewer.role} />
      <SessionActionsBar current={current} actions={actions} />
      <PrepSection key={session.id} session={session} mayPrepare={actions.prepare} />
      {actions.liveNotes ? (
        <LiveSession key={session.id} current={current} actions={actions} />
      ) : (
        session.status !== 'COMPLETED' && <SessionNotesReadOnly session={session} />
      )}
      {mayAnswer(session, viewer) && (
        <section className="card">
          <div className="card-body">
            <AcknowledgeForm session={session} />
          </div>
        </section>
      )}
      {session.status === 'COMPLETED' && (
        <SessionOutcome session={session} self={viewer.id === session.agent_id} headingRef={outcomeRef} />
      )}
    </>
  );
}

/** /sessions/:id: one coaching session, for everyone who may read it. */
export function SessionPage() {
  const { id = '' } = useParams();
  const viewer = useCurrentUser();
  const query = useSession(id);
  if (query.isPending) return <LoadingState label="Loading the session…" />;
  if (query.isError) {
    if (query.error.status === 404 || query.error.status === 400) return <SessionNotFound viewer={viewer} />;
    return (
      <ErrorAlert
        title="Could not load this session"
        action={
          <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
            Try again
          </button>
        }
      >
        <p>{query.error.message}</p>
      </ErrorAlert>
    );
  }
  return <SessionView current={query.data} viewer={viewer} />;
}
