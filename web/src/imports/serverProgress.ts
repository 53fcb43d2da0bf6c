// The server's side of an upload's progress. The upload POST answers only when the import has
// ended; meanwhile the import's log row says how far it got (status VALIDATING with
// processed_rows growing as the file is read, then PROCESSING while the valid rows load), and
// GET /api/v1/imports?status=... lists it. These functions find the upload's own row among the
// running imports and put its progress in words.
import type { ImportSummary } from '../api/types';

/** What identifies the import an upload started: who sent which file. */
export interface UploadIdentity {
  /** The file_name= the upload sent (uploadUrl: the file's name, at most 255 characters). */
  fileName: string;
  size: number;
  importedBy: string;
}

export type RunningStatus = 'VALIDATING' | 'PROCESSING';
export const RUNNING_STATUSES: readonly RunningStatus[] = ['VALIDATING', 'PROCESSING'];

/**
 * The running import this upload started: one of the caller's, with the file's name and size,
 * still VALIDATING or PROCESSING; the most recently started when several match (the same file
 * sent twice). null when none is (yet, or any more) running.
 */
export function pickRunningImport(
  items: readonly ImportSummary[],
  upload: UploadIdentity,
): ImportSummary | null {
  let best: ImportSummary | null = null;
  for (const item of items) {
    if (item.status !== 'VALIDATING' && item.status !== 'PROCESSING') continue;
    if (item.imported_by !== upload.importedBy) continue;
    if (item.file_name !== upload.fileName) continue;
    if (item.file_size_bytes !== null && item.file_size_bytes !== upload.size) continue;
    if (best === null || Date.parse(item.started_at) > Date.parse(best.started_at)) best = item;
  }
  return best;
}

export interface ServerProgress {
  status: RunningStatus;
  /** Data rows read so far (the header not counted). */
  rowsRead: number;
  /** The file's data rows, known once it has been read (PROCESSING); null before. */
  totalRows: number | null;
}

export function serverProgress(item: ImportSummary): ServerProgress | null {
  if (item.status !== 'VALIDATING' && item.status !== 'PROCESSING') return null;
  const rowsRead = item.processed_rows ?? 0;
  const total = item.total_rows ?? 0;
  return {
    status: item.status,
    rowsRead,
    totalRows: item.status === 'PROCESSING' && total > 0 ? total : null,
  };
}

function rows(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'row' : 'rows'}`;
}

/** The rows read, for the progress bar and the text beside it. */
export function serverProgressText(progress: ServerProgress): string {
  if (progress.status === 'PROCESSING') {
    return progress.totalRows === null
      ? 'All rows read; loading the valid ones'
      : `All ${rows(progress.totalRows)} read; loading the valid ones`;
  }
  return `Reading the file: ${rows(progress.rowsRead)} read`;
}
