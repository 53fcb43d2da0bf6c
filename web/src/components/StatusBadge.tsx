import { statusLabel } from '../format/labels';

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`badge badge-status badge-status-${status.toLowerCase()}`}>
      {statusLabel(status)}
    </span>
  );
}
