import { noteTypeLabel, priorityLabel } from './labels';

/** The note's type, in words. */
export function NoteTypeBadge({ type }: { type: string }) {
  return <span className={`badge notes-badge-type notes-badge-${type.toLowerCase()}`}>{noteTypeLabel(type)}</span>;
}

/** The priority in words and colour ("High priority"). */
export function PriorityBadge({ priority }: { priority: string }) {
  return (
    <span className={`badge notes-priority notes-priority-${priority.toLowerCase()}`}>
      {priorityLabel(priority)} priority
    </span>
  );
}

/** Open and past its deadline: said in words, with an icon. */
export function OverdueBadge() {
  return (
    <span className="badge notes-overdue">
      <span aria-hidden="true">⚠ </span>Overdue
    </span>
  );
}
