import { useId } from 'react';
import type { ImportLog } from '../api/types';
import { formatBytes, formatCount, formatDateTime } from './format';
import { ImportStatusBadge } from './ImportStatusBadge';
import { importTypeLabel, isFinalStatus, modeLabel } from './labels';
import { RollbackButton } from './RollbackDialog';

function RunningProgress({ log }: { log: ImportLog }) {
  const total = log.total_rows ?? 0;
  const processed = log.processed_rows ?? 0;
  const reading = log.status === 'VALIDATING';
  return (
    <div className="upload-progress">
      <progress
        className="progress"
        aria-label={reading ? 'Rows read' : 'Loading the valid rows'}
        {...(reading && total > 0 ? { max: total, value: processed } : {})}
      />
      <p className="muted">
        {reading
          ? total > 0
            ? `${formatCount(processed)} of ${formatCount(total)} rows read`
            : 'Reading the file…'
          : 'Loading the valid rows…'}
      </p>
    </div>
  );
}

/** Status, outcome sentence, counts and the facts of the upload; the rollback when offered. */
export function ImportSummaryCard({ log }: { log: ImportLog }) {
  const headingId = useId();
  const running = !isFinalStatus(log.status);
  const counts: Array<[string, number | null]> = [
    ['Total rows', log.total_rows],
    ['Processed', log.processed_rows],
    [log.dry_run ? 'Would be inserted' : 'Inserted', log.inserted_rows],
    [log.dry_run ? 'Would be updated' : 'Updated', log.updated_rows],
    ['Unchanged', log.skipped_rows],
    ['Rows with errors', log.failed_rows],
  ];
  const facts: Array<[string, string]> = [
    ['Type', importTypeLabel(log.import_type)],
    ['Mode', modeLabel(log.mode)],
    ['Dry run', log.dry_run ? 'Yes — nothing was stored' : 'No'],
    ['File size', formatBytes(log.file_size_bytes)],
    ['Started', formatDateTime(log.started_at)],
    ['Completed', running ? 'Still running' : formatDateTime(log.completed_at)],
  ];
  if (log.processing_time_seconds !== null)
    facts.push(['Processing time', `${log.processing_time_seconds} s`]);
  if (log.rollback_executed_at) facts.push(['Rolled back at', formatDateTime(log.rollback_executed_at)]);

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header card-header-wrap">
        <h2 id={headingId}>Outcome</h2>
        {log.rollback_available && <RollbackButton log={log} />}
      </div>
      <div className="card-body stack">
        <div role="status" aria-live="polite" className="import-outcome">
          <p>
            <span className="muted">Status: </span>
            <ImportStatusBadge status={log.status} dryRun={log.dry_run} />
          </p>
          {log.error_summary && <p>{log.error_summary}</p>}
        </div>
        {running && <RunningProgress log={log} />}
        <dl className="import-counts">
          {counts.map(([label, value]) => (
            <div key={label} className="import-count">
              <dt>{label}</dt>
              <dd className="mono">{formatCount(value)}</dd>
            </div>
          ))}
        </dl>
        <dl className="profile-list import-facts">
          {facts.map(([label, value]) => (
            <div className="profile-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
