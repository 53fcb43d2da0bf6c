import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { whoseCalendar, type CalendarConflict } from './conflicts';
import { formatDayHeading, formatTime, localDayOf } from './dates';

interface Props {
  conflicts: readonly CalendarConflict[];
  /** "Book anyway" / "Move anyway". */
  action: ReactNode;
}

function ConflictItem({ conflict }: { conflict: CalendarConflict }) {
  const at = conflict.scheduled_date;
  return (
    <li>
      <Link to={`/sessions/${encodeURIComponent(conflict.session_id)}`}>
        Session with {conflict.agent_name}
      </Link>{' '}
      on {formatDayHeading(localDayOf(at), true)} at {formatTime(at)}, {conflict.planned_minutes} min
      ({whoseCalendar(conflict)})
    </li>
  );
}

/** The 409 of an overlapping time: the sessions already there, and the way to book anyway. */
export function ConflictList({ conflicts, action }: Props) {
  const count = conflicts.length;
  return (
    <div className="alert sessions-alert-warning" role="alert">
      <p className="alert-title">
        This time overlaps {count === 1 ? 'another session' : `${count} other sessions`}
      </p>
      <ul className="sessions-conflicts">
        {conflicts.map((c) => (
          <ConflictItem key={c.session_id} conflict={c} />
        ))}
      </ul>
      <p>Choose another time, or book it anyway if both sessions can really happen.</p>
      <div className="alert-action">{action}</div>
    </div>
  );
}
