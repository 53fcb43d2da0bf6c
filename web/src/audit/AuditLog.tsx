import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { useReportNames } from '../users/useReportNames';
import { AuditEntryItem } from './AuditEntryItem';
import { hasAuditFilters, type AuditFilters } from './filters';
import type { useAuditLog } from './hooks';

interface Props {
  log: ReturnType<typeof useAuditLog>;
  filters: AuditFilters;
}

/** The entries, newest first, with "Load more" and every state. */
export function AuditLog({ log, filters }: Props) {
  // Team leaders' and managers' names beside their ids in the changes (e.g. a move).
  const names = useReportNames('ADMIN');
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const updating = log.isPlaceholderData && log.isFetching;
  const refused = log.isError && !log.isFetchNextPageError;

  return (
    <section className="card" aria-labelledby="audit-entries-heading">
      <div className="card-header">
        <h2 id="audit-entries-heading">Entries</h2>
        {log.isSuccess && (
          <p className="muted" aria-live="polite">
            {updating
              ? 'Updating…'
              : `${entries.length === 1 ? '1 entry' : `${entries.length} entries`}${log.hasNextPage ? ' shown' : ''}`}
          </p>
        )}
      </div>
      {log.isPending && !refused && <LoadingState label="Loading the audit log…" />}
      {refused && (
        <ErrorAlert
          title={log.error.status === 422 ? 'These filters were not accepted' : 'Could not load the audit log'}
          action={
            log.error.status === 422 ? undefined : (
              <button type="button" className="button button-secondary" onClick={() => log.refetch()}>
                Try again
              </button>
            )
          }
        >
          {log.error.status === 422 ? 'See the marked filters.' : log.error.message}
        </ErrorAlert>
      )}
      {log.isSuccess && !refused &&
        (entries.length === 0 ? (
          <p className="muted">
            {hasAuditFilters(filters) ? 'No entry matches these filters.' : 'Nothing has been recorded yet.'}
          </p>
        ) : (
          <ol className="audit-list" aria-busy={updating || undefined}>
            {entries.map((entry) => (
              <AuditEntryItem key={entry.id} entry={entry} names={names} />
            ))}
          </ol>
        ))}
      {log.isFetchNextPageError && (
        <ErrorAlert title="Could not load more entries">{log.error?.message}</ErrorAlert>
      )}
      {log.hasNextPage && !updating && !refused && (
        <div className="card-footer">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => log.fetchNextPage()}
            disabled={log.isFetchingNextPage}
          >
            {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
