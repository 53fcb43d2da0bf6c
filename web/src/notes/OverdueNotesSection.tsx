import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { QuickNote } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { useDirectory } from '../users/hooks';
import { OVERDUE_MAX, useOverdueNotes } from './hooks';
import { lateness, noteTypeLabel, priorityLabel } from './labels';

const HEADING_ID = 'overdue-notes-heading';
/** Rows shown before "Show all". */
const FIRST_ROWS = 10;

/** Most late first. */
function byDeadline(a: QuickNote, b: QuickNote): number {
  return a.address_by < b.address_by ? -1 : a.address_by > b.address_by ? 1 : 0;
}

/** The manager's home: open notes past their deadline in their teams, most late first. */
export function OverdueNotesSection() {
  const overdue = useOverdueNotes();
  const leaders = useDirectory('TEAM_LEADER');
  const [showAll, setShowAll] = useState(false);
  const [now] = useState(() => Date.now());
  const notes = useMemo(() => [...(overdue.data?.notes ?? [])].sort(byDeadline), [overdue.data]);
  const leaderName = useMemo(() => {
    const names = new Map((leaders.data ?? []).map((l) => [l.id, l.name]));
    return (id: string) => names.get(id) ?? 'A team leader';
  }, [leaders.data]);
  const more = overdue.data?.truncated ?? false;
  const count = `${notes.length}${more ? '+' : ''}`;
  const shown = showAll ? notes : notes.slice(0, FIRST_ROWS);

  return (
    <section className="card" aria-labelledby={HEADING_ID}>
      <div className="card-header">
        <h2 id={HEADING_ID}>Notes past their deadline</h2>
        {overdue.isSuccess && notes.length > 0 && (
          <Link to="/notes?overdue=true">Open them in Notes</Link>
        )}
      </div>
      {overdue.isPending && <LoadingState label="Loading the late notes…" />}
      {overdue.isError && (
        <ErrorAlert
          title="Could not load the late notes"
          action={
            <button type="button" className="button button-secondary" onClick={() => void overdue.refetch()}>
              Try again
            </button>
          }
        >
          {overdue.error.message}
        </ErrorAlert>
      )}
      {overdue.isSuccess &&
        (notes.length === 0 ? (
          <p className="muted">No note is past its deadline: every team leader is keeping up.</p>
        ) : (
          <>
            <p className="card-body notes-overdue-count">
              <strong>{count}</strong>{' '}
              {notes.length === 1 && !more ? 'open note is' : 'open notes are'} past their deadline
              {more ? ` (the ${OVERDUE_MAX} most recent are counted)` : ''}.
            </p>
            <div className="table-wrap notes-overdue-wrap">
              <table className="table notes-overdue-table">
                <caption className="visually-hidden">Notes past their deadline, most late first</caption>
                <thead>
                  <tr>
                    <th scope="col">Agent</th>
                    <th scope="col">How late</th>
                    <th scope="col">Type</th>
                    <th scope="col">Team leader</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((note) => (
                    <tr key={note.id}>
                      <th scope="row">
                        <Link to={`/agents/${note.agent_id}`}>{note.agent_name}</Link>
                      </th>
                      <td className="notes-late">{lateness(note, now) ?? 'Just now'} late</td>
                      <td>
                        {noteTypeLabel(note.note_type)}{' '}
                        <span className={`notes-priority-text notes-priority-text-${note.priority.toLowerCase()}`}>
                          ({priorityLabel(note.priority)} priority)
                        </span>
                      </td>
                      <td>{leaderName(note.team_leader_id)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {notes.length > FIRST_ROWS && (
              <div className="card-footer">
                <button
                  type="button"
                  className="button button-secondary"
                  aria-expanded={showAll}
                  onClick={() => setShowAll((v) => !v)}
                >
                  {showAll ? `Show the ${FIRST_ROWS} most late` : `Show all ${notes.length}`}
                </button>
              </div>
            )}
          </>
        ))}
    </section>
  );
}
