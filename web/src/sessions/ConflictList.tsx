import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CalendarConflict } from './conflicts';
import { formatDayHeading, formatTime, localDayOf } from './dates';

interface Props {
  conflicts: readonly CalendarConflict[];
  /** "Book anyway" / "Move anyway". */
  action: ReactNode;
}

function ConflictItem({ conflict }: { conflict: CalendarConflict }) {
  if (!conflict.agentName || !conflict.sessionId) return <li>{conflict.message}</li>;
  return (
    <li>
      <Link to={`/sessions/${encodeURIComponent(conflict.sessionId)}`}>
        Session with {conflict.agentName}
      </Link>
      {conflict.at && (
        <>
          {' '}
          on {formatDayHeading(localDayOf(conflict.at), true)} at {formatTime(conflict.at)}
        </>
      )}
      {conflict.whose && <> ({conflict.whose})</>}
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
          <ConflictItem key={c.message} conflict={c} />
        ))}
      </ul>
      <p>Choose another time, or book it anyway if both sessions can really happen.</p>
      <div className="alert-action">{action}</div>
    </div>
  );
}
