import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { ImportLog } from '../api/types';
import { filterErrors } from './errorFilter';
import { buildErrorsCsv, downloadCsv, errorsFileName } from './errorsCsv';
import { ImportErrorsTable } from './ImportErrorsTable';

/** The import's errors: a text filter, the table and the CSV download. */
export function ImportErrors({ log }: { log: ImportLog }) {
  const headingId = useId();
  const filterId = useId();
  const [text, setText] = useState('');
  const deferred = useDeferredValue(text);
  const all = log.error_details;
  const shown = useMemo(() => filterErrors(all, deferred), [all, deferred]);
  const filtering = deferred.trim() !== '';
  const count = `${all.length.toLocaleString()} ${all.length === 1 ? 'error' : 'errors'}`;

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header card-header-wrap">
        <h2 id={headingId}>Errors</h2>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => downloadCsv(buildErrorsCsv(all), errorsFileName(log.file_name))}
        >
          Download errors (CSV)
        </button>
      </div>
      <div className="card-body errors-toolbar">
        <div className="field errors-filter">
          <label htmlFor={filterId}>Filter errors</label>
          <input
            id={filterId}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Row, column, value or message"
            autoComplete="off"
          />
        </div>
        <p className="muted" aria-live="polite">
          {filtering ? `${shown.length.toLocaleString()} of ${count} shown` : count}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="muted">No error matches “{deferred.trim()}”.</p>
      ) : (
        <ImportErrorsTable
          errors={shown}
          caption={filtering ? `Errors matching “${deferred.trim()}”` : `Errors of ${log.file_name}`}
        />
      )}
    </section>
  );
}
