import type { JobRun } from '../api/types';
import { formatDateTime, runDuration, triggerLabel } from './format';
import { JobRunBadge } from './JobRunBadge';

/** A job's last runs, newest first. */
export function JobRunsTable({ runs, caption }: { runs: readonly JobRun[]; caption: string }) {
  if (runs.length === 0) return <p className="muted">It has not run yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table job-runs-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Duration</th>
            <th scope="col">Status</th>
            <th scope="col">Started by</th>
            <th scope="col">Rows affected</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">{formatDateTime(r.started_at)}</th>
              <td className="mono">{runDuration(r)}</td>
              <td>
                <JobRunBadge status={r.status} />
              </td>
              <td>
                {triggerLabel(r.params?.trigger)}
                {r.params?.date ? ` (as of ${r.params.date})` : ''}
                {r.params?.full ? ' (full rebuild)' : ''}
              </td>
              <td className="mono">{r.rows_affected ?? '—'}</td>
              <td className="job-run-error">{r.error ?? <span className="muted">None</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
