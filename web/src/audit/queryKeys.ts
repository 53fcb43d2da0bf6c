import type { AuditFilters } from './filters';

/** TanStack Query keys of the audit log. */
export const auditKeys = {
  all: ['audit-log'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
};
