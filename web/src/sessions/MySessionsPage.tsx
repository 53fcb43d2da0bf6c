import { useState } from 'react';
import { Link } from 'react-router';
import type { CoachingSession, User } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { AcknowledgeForm } from './AcknowledgeForm';
import { formatLongDate, formatTimeRange } from './dates';
import { useMySessions } from './hooks';
import { sessionTypeLabel } from './labels';
import { mayAnswer } from './permissions';
import { AgentAnswer } from './SessionOutcome';
import { SessionStatusBadge } from './SessionStatusBadge';

function MySession({ session, me }: { session: CoachingSession; me: User }) {
  return (
    <li className="sessions-mine-item">
      <h3 className="subheading">
        <Link to={`/sessions/${encodeURIComponent(session.id)}`}>
          {formatLongDate(session.scheduled_date)}, {formatTimeRange(session.scheduled_date, session.planned_minutes)}
        </Link>
      </h3>
      <p className="sessions-mine-meta">
        {sessionTypeLabel(session.session_type)} session with {session.team_leader_name}{' '}
        <SessionStatusBadge status={session.status} />
      </p>
      {session.status === 'COMPLETED' && (
        <>
          <p className="sessions-text">
            <strong>Summary: </strong>
            {session.summary ?? 'None recorded.'}
          </p>
          {session.action_items.length > 0 && (
            <p className="muted">
              {session.action_items.length} action item{session.action_items.length === 1 ? '' : 's'}
            </p>
          )}
          {mayAnswer(session, me) ? (
            <AcknowledgeForm session={session} headingLevel={4} compact />
          ) : (
            <AgentAnswer session={session} self />
          )}
        </>
      )}
      {session.status === 'CANCELLED' && session.cancelled_reason && (
        <p className="muted">Cancelled: {session.cancelled_reason}</p>
      )}
    </li>
  );
}

function SessionsSection({
  when,
  at,
  title,
  empty,
}: {
  when: 'upcoming' | 'past';
  at: string;
  title: string;
  empty: string;
}) {
  const me = useCurrentUser();
  const query = useMySessions(when, at);
  const headingId = `my-sessions-${when}`;
  const sessions = query.data?.pages.flatMap((p) => p.items);
  let body;
  if (query.isPending) body = <LoadingState label={`Loading ${title.toLowerCase()}…`} />;
  else if (!sessions)
    body = (
      <ErrorAlert
        title={`Could not load ${title.toLowerCase()}`}
        action={
          <button type="button" className="button button-secondary" onClick={() => void query.refetch()}>
            Try again
          </button>
        }
      >
        <p>{query.error?.message}</p>
      </ErrorAlert>
    );
  else
    body =
      sessions.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <>
          <ul className="sessions-mine">
            {sessions.map((s) => (
              <MySession key={s.id} session={s} me={me} />
            ))}
          </ul>
          {query.isError && (
            <ErrorAlert title="Could not load more">
              <p>{query.error.message}</p>
            </ErrorAlert>
          )}
          {query.hasNextPage && (
            <div className="card-footer">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void query.fetchNextPage()}
                disabled={query.isFetchingNextPage}
              >
                {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </button>
            </div>
          )}
        </>
      );
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>{title}</h2>
      </div>
      <div className="card-body stack">{body}</div>
    </section>
  );
}

/** /my-sessions: an agent's coaching sessions, upcoming and past, with the answers they owe. */
export function MySessionsPage() {
  // "Now" is when the page opened: the two lists meet there.
  const [at] = useState(() => new Date().toISOString());
  return (
    <>
      <PageHeader
        title="My sessions"
        description="Your coaching sessions. Read each summary, then acknowledge it or dispute it."
      />
      <SessionsSection when="upcoming" at={at} title="Upcoming" empty="No sessions are scheduled for you." />
      <SessionsSection when="past" at={at} title="Past" empty="No past sessions yet." />
    </>
  );
}
