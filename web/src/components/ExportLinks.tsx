// "Download CSV / Excel" for a view the server can export (docs/domain.md, "Exports"): plain
// links, so the browser downloads with the session cookie and the server applies the same
// scope as the page's own data.
interface ExportLinksProps {
  /** The export route, e.g. /api/v1/teams/{id}/dashboard/export, with its filters. */
  href: string;
  /** What is downloaded, for the links' accessible names ("the priority queue"). */
  what: string;
}

function withFormat(href: string, format: 'csv' | 'xlsx'): string {
  return `${href}${href.includes('?') ? '&' : '?'}format=${format}`;
}

export function ExportLinks({ href, what }: ExportLinksProps) {
  return (
    <p className="export-links">
      <span aria-hidden="true">Download: </span>
      <a href={withFormat(href, 'csv')} download aria-label={`Download ${what} as CSV`}>
        CSV
      </a>
      <a href={withFormat(href, 'xlsx')} download aria-label={`Download ${what} as Excel (XLSX)`}>
        Excel
      </a>
    </p>
  );
}
