// The error report of an import as a CSV file built in the browser.
import type { ImportErrorRow } from '../api/types';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, and tab or carriage return, which
 * some spreadsheets strip before looking) gets a leading single quote: CSV injection.
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting: a cell with a comma, quote or line break is quoted, quotes doubled. */
export function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const ERRORS_CSV_HEADER = ['Row', 'Column', 'Value', 'Error'] as const;

/** The CSV text (header row first, CRLF line ends), every cell neutralized and quoted. */
export function buildErrorsCsv(errors: readonly ImportErrorRow[]): string {
  const lines = [ERRORS_CSV_HEADER.join(',')];
  for (const e of errors) {
    const cells = [e.row === null ? '' : String(e.row), e.column ?? '', e.value, e.error];
    lines.push(cells.map((c) => quoteCell(neutralizeCell(c))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** "March metrics.csv" -> "March metrics-errors.csv". */
export function errorsFileName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]*$/, '').trim() || 'import';
  return `${base}-errors.csv`;
}

/**
 * Saves `csv` as a download: a Blob behind an object URL and a temporary <a download>. A
 * byte order mark first, so spreadsheets read the file as UTF-8.
 */
export function downloadCsv(csv: string, fileName: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give the browser a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
