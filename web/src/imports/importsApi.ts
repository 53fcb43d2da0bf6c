import { api, ok } from '../api/client';
import type { ImportLog, ImportPage, ImportSummary, ImportType } from '../api/types';
import { RUNNING_STATUSES } from './serverProgress';

export const IMPORTS_PAGE_SIZE = 25;

export function listImports(cursor: string | null, signal?: AbortSignal): Promise<ImportPage> {
  return ok(
    api.GET('/api/v1/imports', {
      params: { query: { limit: IMPORTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

/** How many running imports of each status one poll asks for (the caller's is among the newest). */
const RUNNING_PAGE_SIZE = 50;

/** The imports still running (VALIDATING or PROCESSING) the caller may see, newest first per status. */
export async function listRunningImports(signal?: AbortSignal): Promise<ImportSummary[]> {
  const pages = await Promise.all(
    RUNNING_STATUSES.map((status) =>
      ok(api.GET('/api/v1/imports', { params: { query: { status, limit: RUNNING_PAGE_SIZE } }, signal })),
    ),
  );
  return pages.flatMap((page) => page.items);
}

export function getImport(id: string, signal?: AbortSignal): Promise<ImportLog> {
  return ok(api.GET('/api/v1/imports/{id}', { params: { path: { id } }, signal }));
}

export function rollbackImport(id: string, force = false): Promise<ImportLog> {
  return ok(
    api.POST('/api/v1/imports/{id}/rollback', {
      params: { path: { id }, ...(force ? { query: { force: 'true' } } : {}) },
    }),
  );
}

/** The template file's address: a plain link downloads it (the session cookie goes along). */
export function templateUrl(type: ImportType, format: 'csv' | 'xlsx'): string {
  return `/api/v1/imports/templates/${encodeURIComponent(type)}?format=${format}`;
}
