import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { AuditFiltersForm } from '../audit/AuditFiltersForm';
import { AuditLog } from '../audit/AuditLog';
import { auditFiltersFromSearch, searchFromAuditFilters, type AuditFilters } from '../audit/filters';
import { useAuditLog } from '../audit/hooks';
import { PageHeader } from '../components/PageHeader';

/** /audit: who changed what, and when (ADMINs). */
export function AuditPage() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => auditFiltersFromSearch(search), [search]);
  const log = useAuditLog(filters);
  const apply = useCallback(
    (next: AuditFilters) => setSearch(searchFromAuditFilters(next)),
    [setSearch],
  );
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, and when; newest first." />
      <AuditFiltersForm filters={filters} onApply={apply} error={log.isError ? log.error : null} />
      <AuditLog log={log} filters={filters} />
    </>
  );
}
