import { Link } from 'react-router';
import type { CoachingSession } from '../api/types';
import { formatDayHeading, formatTime, formatTimeRange, localIsoDate } from './dates';
import { sessionStatusLabel, sessionTypeLabel } from './labels';
import { SessionStatusBadge } from './SessionStatusBadge';
import { byDay, hourRange, layDay } from './week';

interface Props {
  sessions: readonly CoachingSession[];
  days: readonly string[];
  /** Managers and admins see several team leaders' sessions: each says whose. */
  showLeader: boolean;
}

const sessionPath = (s: CoachingSession) => `/sessions/${encodeURIComponent(s.id)}`;

function SessionLine({ session, showLeader }: { session: CoachingSession; showLeader: boolean }) {
  return (
    <li className={`sessions-line sessions-line-${session.status.toLowerCase()}`}>
      <span className="sessions-line-time mono">
        {formatTimeRange(session.scheduled_date, session.planned_minutes)}
      </span>
      <span className="sessions-line-who">
        <Link to={sessionPath(session)}>{session.agent_name}</Link>
        {showLeader && <span className="muted"> with {session.team_leader_name}</span>}
      </span>
      <span className="sessions-line-type">{sessionTypeLabel(session.session_type)}</span>
      <SessionStatusBadge status={session.status} />
    </li>
  );
}

function dayLabel(day: string, today: string): string {
  return day === today ? `${formatDayHeading(day)} (today)` : formatDayHeading(day);
}

/** The week as a list: a heading per day, its sessions in time order. */
export function WeekList({ sessions, days, showLeader }: Props) {
  const grouped = byDay(sessions, days);
  const today = localIsoDate(new Date());
  return (
    <ol className="sessions-week-list">
      {days.map((day) => {
        const list = grouped.get(day) ?? [];
        return (
          <li key={day} className="sessions-day">
            <h3 className="sessions-day-heading">{dayLabel(day, today)}</h3>
            {list.length === 0 ? (
              <p className="muted">No sessions.</p>
            ) : (
              <ul className="sessions-lines">
                {list.map((s) => (
                  <SessionLine key={s.id} session={s} showLeader={showLeader} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Rem per hour in the grid. */
const HOUR_REM = 6;

/**
 * The week as a calendar: a column per day, each session a block at its time and length
 * (overlapping ones side by side). Every block says its time, agent, type and status in words.
 */
export function WeekGrid({ sessions, days, showLeader }: Props) {
  const grouped = byDay(sessions, days);
  const { first, last } = hourRange(sessions);
  const hours = Array.from({ length: last - first }, (_, i) => first + i);
  const span = (last - first) * 60;
  const height = { height: `${(last - first) * HOUR_REM}rem` };
  const today = localIsoDate(new Date());
  return (
    <div className="sessions-grid-wrap">
      <div className="sessions-grid">
        <div className="sessions-grid-hours" aria-hidden="true">
          <div className="sessions-grid-corner" />
          <div className="sessions-grid-hour-col" style={height}>
            {hours.map((h) => (
              <span
                key={h}
                className="sessions-grid-hour"
                style={{ top: `${((h - first) * 60 * 100) / span}%` }}
              >
                {formatTime(new Date(2000, 0, 1, h))}
              </span>
            ))}
          </div>
        </div>
        <ol className="sessions-grid-days">
          {days.map((day) => {
            const { placed, lanes } = layDay(grouped.get(day) ?? []);
            return (
              <li key={day} className={`sessions-grid-day${day === today ? ' sessions-grid-today' : ''}`}>
                <h3 className="sessions-grid-day-heading">{formatDayHeading(day, true)}
                  {day === today && <span className="muted"> (today)</span>}</h3>
                <div className="sessions-grid-column" style={height}>
                  {placed.length === 0 && <p className="visually-hidden">No sessions.</p>}
                  <ul className="sessions-grid-events">
                    {placed.map(({ session, start, end, lane }) => (
                      <li
                        key={session.id}
                        className={`sessions-grid-event sessions-grid-event-${session.status.toLowerCase()}`}
                        style={{
                          top: `${((start - first * 60) * 100) / span}%`,
                          height: `${((end - start) * 100) / span}%`,
                          left: `${(lane * 100) / lanes}%`,
                          width: `${100 / lanes}%`,
                        }}
                      >
                        <Link to={sessionPath(session)}>
                          <span className="sessions-grid-event-time">{formatTime(session.scheduled_date)}</span>{' '}
                          <span className="sessions-grid-event-who">{session.agent_name}</span>
                          {showLeader && (
                            <>
                              {' '}
                              <span className="visually-hidden">with {session.team_leader_name}</span>
                            </>
                          )}{' '}
                          <span className="visually-hidden">
                            ({formatTimeRange(session.scheduled_date, session.planned_minutes)},{' '}
                            {sessionTypeLabel(session.session_type)})
                          </span>{' '}
                          <span className="sessions-grid-event-status">{sessionStatusLabel(session.status)}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}
