import { useId } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { formatCount, formatDateTime } from './format';
import { useImportList } from './hooks';
import { ImportStatusBadge } from './ImportStatusBadge';
import { importTypeLabel } from './labels';

/** Every import, newest first, a page at a time ("Load more"). */
export function ImportsList() {
  const list = useImportList();
  const headingId = useId();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>Imports</h2>
        {list.isSuccess && (
          <p className="muted" aria-live="polite">
            {rows.length === 1 ? '1 import' : `${rows.length} imports`}
            {list.hasNextPage ? ' shown' : ''}
          </p>
        )}
      </div>
      {list.isPending && <LoadingState label="Loading imports…" />}
      {list.isError && !list.isFetchNextPageError && (
        <ErrorAlert
          title="Could not load the imports"
          action={
            <button type="button" className="button button-secondary" onClick={() => list.refetch()}>
              Try again
            </button>
          }
        >
          {list.error.message}
        </ErrorAlert>
      )}
      {list.isSuccess &&
        (rows.length === 0 ? (
          <p className="muted">No files have been imported yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Type</th>
                  <th scope="col">Status</th>
                  <th scope="col">Rows</th>
                  <th scope="col">Rows with errors</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`/imports/${encodeURIComponent(i.id)}`}>{i.file_name}</Link>
                    </th>
                    <td>{importTypeLabel(i.import_type)}</td>
                    <td>
                      <ImportStatusBadge status={i.status} dryRun={i.dry_run} />
                    </td>
                    <td className="mono">{formatCount(i.total_rows)}</td>
                    <td className="mono">{formatCount(i.failed_rows)}</td>
                    <td>{formatDateTime(i.started_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {list.isFetchNextPageError && (
        <ErrorAlert title="Could not load more imports">{list.error?.message}</ErrorAlert>
      )}
      {list.hasNextPage && (
        <div className="card-footer">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
