import { api, ok } from '../api/client';
import type { ImportLog, ImportPage, ImportType } from '../api/types';

export const IMPORTS_PAGE_SIZE = 25;

export function listImports(cursor: string | null, signal?: AbortSignal): Promise<ImportPage> {
  return ok(
    api.GET('/api/v1/imports', {
      params: { query: { limit: IMPORTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
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
