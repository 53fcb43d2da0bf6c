import { api, ok } from '../api/client';
import type { AuditPage } from '../api/types';
import { auditQueryFromFilters, type AuditFilters } from './filters';

export const AUDIT_PAGE_SIZE = 50;

export function listAuditLog(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<AuditPage> {
  return ok(
    api.GET('/api/v1/audit-log', {
      params: {
        query: {
          limit: AUDIT_PAGE_SIZE,
          ...auditQueryFromFilters(filters),
          ...(cursor ? { cursor } : {}),
        },
      },
      signal,
    }),
  );
}
