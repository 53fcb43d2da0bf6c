import type { JobRun, JobRunStatus } from '../api/types';
import { humanizeEnum } from '../format/labels';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp for people, in the browser's time zone ("—" for none). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(t);
}

/** "0.4 s", "12 s", "3 min 5 s", "1 h 2 min"; null while it runs. */
export function formatElapsed(ms: number): string {
  if (ms < 0) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function runDuration(run: Pick<JobRun, 'started_at' | 'finished_at'>): string {
  if (!run.finished_at) return 'Still running';
  return formatElapsed(Date.parse(run.finished_at) - Date.parse(run.started_at));
}

const STATUS_LABELS: Record<JobRunStatus, string> = {
  RUNNING: 'Running',
  SUCCESS: 'Succeeded',
  FAILED: 'Failed',
  SKIPPED: 'Skipped',
};

export function runStatusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status)
    ? STATUS_LABELS[status as JobRunStatus]
    : humanizeEnum(status);
}

const TRIGGER_LABELS: Record<string, string> = {
  schedule: 'Schedule',
  api: 'Run now',
  cli: 'Command line',
  import: 'After an import',
};

export function triggerLabel(trigger: string | undefined): string {
  if (!trigger) return '—';
  return Object.hasOwn(TRIGGER_LABELS, trigger) ? (TRIGGER_LABELS[trigger] ?? trigger) : humanizeEnum(trigger);
}

/** "overdue_sweep" -> "Overdue sweep". */
export function jobLabel(name: string): string {
  return humanizeEnum(name);
}
