// Test helpers of the imports area (used by its *.test.ts[x] files only).
import type { ImportErrorRow, ImportLog } from '../api/types';

/** Enough of XMLHttpRequest for uploadImport, driven by the test. */
export class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = undefined;
  status = 0;
  responseText = '';
  responseHeaders = '';
  aborted = false;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }

  // The test's side
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ loaded, total, lengthComputable } as ProgressEvent);
  }
  respond(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = Object.entries({ 'content-type': 'application/json', ...headers })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    this.onload?.();
  }
}

export const IMPORT_ID = '6f1c2e1a-8a7b-4c55-9d3e-2b1f0a9c7d11';

export function makeImport(overrides: Partial<ImportLog> = {}): ImportLog {
  return {
    id: IMPORT_ID,
    file_name: 'march.csv',
    file_size_bytes: 2048,
    file_hash: 'ab'.repeat(32),
    import_type: 'METRICS',
    imported_by: 'id-admin',
    mode: 'partial',
    dry_run: false,
    status: 'PARTIAL_SUCCESS',
    total_rows: 5,
    processed_rows: 5,
    successful_rows: 2,
    inserted_rows: 2,
    updated_rows: 0,
    skipped_rows: 0,
    failed_rows: 3,
    started_at: '2026-03-01T10:00:00Z',
    completed_at: '2026-03-01T10:00:02Z',
    processing_time_seconds: 2,
    error_summary: '2 rows inserted, 0 updated, 0 unchanged; 3 of 5 rows refused (4 errors).',
    rollback_available: true,
    rollback_executed_at: null,
    rollback_executed_by: null,
    created_at: '2026-03-01T10:00:00Z',
    updated_at: '2026-03-01T10:00:02Z',
    error_details: SAMPLE_ERRORS,
    warnings: [{ column: 'Notes', warning: 'unknown column, ignored' }],
    ...overrides,
  };
}

export const SAMPLE_ERRORS: ImportErrorRow[] = [
  { row: 3, column: 'Service', value: '101', error: 'must be between 0 and 100' },
  { row: 4, column: 'Employee ID', value: 'E9', error: 'no agent has this employee ID' },
  { row: 5, column: 'Date', value: '=HYPERLINK("x")', error: 'must be a date (YYYY-MM-DD)' },
  { row: 12, column: 'CSAT', value: '0.5', error: 'must be between 1 and 5' },
];
