import type { SessionStatus } from '../api/types';
import { sessionStatusLabel } from './labels';

/** A session's status in words (the colour only helps). */
export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <span className={`badge sessions-status sessions-status-${status.toLowerCase().replace('_', '-')}`}>
      {sessionStatusLabel(status)}
    </span>
  );
}
