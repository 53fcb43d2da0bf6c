import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CoachingSession, Role } from '../api/types';
import { formatDateTime, formatLongDate, formatMinutes, formatTimeRange } from './dates';
import { sessionTypeLabel } from './labels';
import { SessionStatusBadge } from './SessionStatusBadge';

interface Props {
  session: CoachingSession;
  viewerRole: Role;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="profile-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Earlier times of a rescheduled session, oldest first. */
function ScheduleHistory({ session }: { session: CoachingSession }) {
  if (session.schedule_history.length === 0) return null;
  return (
    <div className="sessions-history">
      <h3 className="subheading">Rescheduled</h3>
      <ol>
        {session.schedule_history.map((h) => (
          <li key={`${h.changed_at}:${h.scheduled_date}`}>
            Was {formatLongDate(h.scheduled_date)}, {formatTimeRange(h.scheduled_date, h.planned_minutes)}
            <span className="muted"> (moved on {formatDateTime(h.changed_at)})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Who, when, how long, which type and status, and where the session was before a reschedule. */
export function SessionSummary({ session, viewerRole }: Props) {
  const agent =
    viewerRole === 'AGENT' ? (
      session.agent_name
    ) : (
      <Link to={`/agents/${encodeURIComponent(session.agent_id)}`}>{session.agent_name}</Link>
    );
  return (
    <section className="card" aria-labelledby="session-summary-heading">
      <div className="card-header">
        <h2 id="session-summary-heading">Session</h2>
      </div>
      <div className="card-body stack">
        <dl className="profile-list">
          <Fact label="Agent">{agent}</Fact>
          <Fact label="Team leader">{session.team_leader_name}</Fact>
          <Fact label="When">
            {formatLongDate(session.scheduled_date)},{' '}
            {formatTimeRange(session.scheduled_date, session.planned_minutes)}
          </Fact>
          <Fact label="Planned length">{formatMinutes(session.planned_minutes)}</Fact>
          <Fact label="Type">{sessionTypeLabel(session.session_type)}</Fact>
          <Fact label="Status">
            <SessionStatusBadge status={session.status} />
          </Fact>
          {session.actual_start_time && (
            <Fact label="Started">{formatDateTime(session.actual_start_time)}</Fact>
          )}
          {session.duration_minutes !== null && (
            <Fact label="Actual length">{formatMinutes(session.duration_minutes)}</Fact>
          )}
          {session.cancelled_reason && <Fact label="Why cancelled">{session.cancelled_reason}</Fact>}
          {session.no_show_reason && <Fact label="No-show reason">{session.no_show_reason}</Fact>}
        </dl>
        <ScheduleHistory session={session} />
      </div>
    </section>
  );
}
