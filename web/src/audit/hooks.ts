import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError } from '../api/client';
import type { AuditPage } from '../api/types';
import { listAuditLog } from './auditApi';
import type { AuditFilters } from './filters';
import { auditKeys } from './queryKeys';

/** The entries matching `filters`, newest first, a page at a time. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery<
    AuditPage,
    ApiError,
    InfiniteData<AuditPage>,
    ReturnType<typeof auditKeys.list>,
    string | null
  >({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listAuditLog(filters, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** `value`, once it has stayed the same for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
