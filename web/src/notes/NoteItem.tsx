import { Link } from 'react-router';
import type { QuickNote } from '../api/types';
import { deadlineWords, formatWhen } from './labels';
import { NoteTypeBadge, OverdueBadge, PriorityBadge } from './NoteBadges';

interface Props {
  note: QuickNote;
  /** Now, for "due in …" and "… past its deadline". */
  now: number;
  /** The agent's name as the note's title (a list of several agents' notes). */
  showAgent: boolean;
  /** Offer "Address" (team leaders and admins, on open notes). */
  onAddress?: ((note: QuickNote) => void) | undefined;
}

/** One note: who, what kind, how urgent, when, its deadline, and what was done about it. */
export function NoteItem({ note, now, showAgent, onAddress }: Props) {
  const titleId = `note-${note.id}-title`;
  return (
    <article className={`notes-item${note.overdue ? ' notes-item-overdue' : ''}`} aria-labelledby={titleId}>
      <div className="notes-item-head">
        <h3 id={titleId} className="notes-item-title">
          {showAgent ? (
            <Link to={`/agents/${note.agent_id}`}>{note.agent_name}</Link>
          ) : (
            <span>Note of {formatWhen(note.created_at)}</span>
          )}
        </h3>
        <p className="notes-badges">
          <NoteTypeBadge type={note.note_type} />
          <PriorityBadge priority={note.priority} />
          {note.overdue && <OverdueBadge />}
          {note.requires_follow_up && !note.addressed && <span className="badge">Follow-up</span>}
        </p>
      </div>
      <p className="notes-item-content">{note.content}</p>
      <dl className="notes-facts">
        {showAgent && (
          <div>
            <dt>Written</dt>
            <dd>{formatWhen(note.created_at)}</dd>
          </div>
        )}
        {note.addressed ? (
          <div>
            <dt>Addressed</dt>
            <dd>
              {note.addressed_date ? formatWhen(note.addressed_date) : 'Yes'}
              {note.addressed_notes && <span className="notes-addressed-how">: {note.addressed_notes}</span>}
            </dd>
          </div>
        ) : (
          <div>
            <dt>Deadline</dt>
            <dd className={note.overdue ? 'notes-late' : undefined}>
              {deadlineWords(note, now)} <span className="muted">({formatWhen(note.address_by)})</span>
            </dd>
          </div>
        )}
        {note.call_id && (
          <div>
            <dt>Call</dt>
            <dd className="mono">{note.call_id}</dd>
          </div>
        )}
        {note.customer_id && (
          <div>
            <dt>Customer</dt>
            <dd className="mono">{note.customer_id}</dd>
          </div>
        )}
        {note.linked_session_id && (
          <div>
            <dt>Session</dt>
            <dd>
              <Link to={`/sessions/${note.linked_session_id}`}>Linked coaching session</Link>
            </dd>
          </div>
        )}
      </dl>
      {onAddress && !note.addressed && (
        <p>
          <button
            type="button"
            className="button button-secondary"
            aria-label={`Address the note about ${note.agent_name}`}
            onClick={() => onAddress(note)}
          >
            Address
          </button>
        </p>
      )}
    </article>
  );
}
