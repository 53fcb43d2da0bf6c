import { useId } from 'react';
import { Link, useParams } from 'react-router';
import type { ImportLog } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useImport } from './hooks';
import { ImportErrors } from './ImportErrors';
import { ImportSummaryCard } from './ImportSummaryCard';
import { importTypeLabel } from './labels';

function BackLink() {
  return (
    <p>
      <Link to="/imports">← All imports</Link>
    </p>
  );
}

function Warnings({ log }: { log: ImportLog }) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>Warnings</h2>
      </div>
      <ul className="card-body warning-list">
        {log.warnings.map((w, i) => (
          <li key={i}>
            {w.column !== null && <strong>{w.column}: </strong>}
            {w.warning}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /imports/:id: one import's report, followed live while it runs. */
export function ImportDetailPage() {
  const id = useParams().id ?? '';
  const query = useImport(id);

  const log = query.data;
  if (!log && query.isPending) {
    return (
      <>
        <PageHeader title="Import" />
        <LoadingState label="Loading the import…" />
      </>
    );
  }
  if (!log) {
    const notFound = query.error?.status === 404 || query.error?.status === 422;
    return (
      <>
        <PageHeader title={notFound ? 'Import not found' : 'Import'} />
        <BackLink />
        {notFound ? (
          <p>There is no import with this address, or it is not available to you.</p>
        ) : (
          <ErrorAlert
            title="Could not load the import"
            action={
              <button type="button" className="button button-secondary" onClick={() => query.refetch()}>
                Try again
              </button>
            }
          >
            {query.error?.message}
          </ErrorAlert>
        )}
      </>
    );
  }
  return (
    <>
      <BackLink />
      <PageHeader
        title={log.file_name}
        description={`${importTypeLabel(log.import_type)} import${log.dry_run ? ' (dry run)' : ''}`}
      />
      {query.isError && (
        <ErrorAlert title="Could not refresh the import">{query.error.message}</ErrorAlert>
      )}
      <ImportSummaryCard log={log} />
      {log.warnings.length > 0 && <Warnings log={log} />}
      {log.error_details.length > 0 && <ImportErrors log={log} />}
    </>
  );
}
