import { useId } from 'react';
import { templateUrl } from './importsApi';
import { IMPORT_TYPES } from './labels';

/** An empty file per import type, with its header row and an example row. */
export function TemplateLinks() {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>Templates</h2>
      </div>
      <div className="card-body">
        <p className="muted">Start from a template: its header row names every column the import reads.</p>
        <ul className="template-list">
          {IMPORT_TYPES.map((t) => (
            <li key={t.type}>
              <span className="template-name">{t.label}</span>
              <span className="template-links">
                <a
                  className="button button-secondary"
                  href={templateUrl(t.type, 'csv')}
                  download
                  aria-label={`Download the ${t.label} template as CSV`}
                >
                  CSV
                </a>
                <a
                  className="button button-secondary"
                  href={templateUrl(t.type, 'xlsx')}
                  download
                  aria-label={`Download the ${t.label} template as XLSX`}
                >
                  XLSX
                </a>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
