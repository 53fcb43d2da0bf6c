import type { JobRunStatus } from '../api/types';
import { runStatusLabel } from './format';

export function JobRunBadge({ status }: { status: JobRunStatus }) {
  return <span className={`badge job-badge job-badge-${status.toLowerCase()}`}>{runStatusLabel(status)}</span>;
}
