import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import type { ImportLog } from '../api/types';
import { getImport, listImports, rollbackImport } from './importsApi';
import { isFinalStatus } from './labels';
import { importKeys } from './queryKeys';
import { uploadImport, type UploadOptions, type UploadProgress } from './upload';

/** How often a running import is asked for its progress. */
export const POLL_MS = 1500;
const LIST_POLL_MS = 5000;

export function useImportList() {
  return useInfiniteQuery({
    queryKey: importKeys.list(),
    queryFn: ({ pageParam, signal }) => listImports(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // While an import in the list runs, the list follows it.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((i) => !isFinalStatus(i.status)))
        ? LIST_POLL_MS
        : false,
  });
}

/** One import; polled while it is still running, until its status is final. */
export function useImport(id: string) {
  return useQuery<ImportLog, ApiError>({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && !isFinalStatus(data.status) ? POLL_MS : false;
    },
  });
}

export function useRollback(id: string) {
  const client = useQueryClient();
  return useMutation<ImportLog, ApiError, { force: boolean }>({
    mutationFn: ({ force }) => rollbackImport(id, force),
    onSuccess: (log) => {
      client.setQueryData(importKeys.detail(id), log);
    },
    onSettled: () => client.invalidateQueries({ queryKey: importKeys.all }),
  });
}

export interface UploadVariables {
  file: File;
  options: UploadOptions;
}

/**
 * The upload with its progress: `progress` follows the bytes sent; once they are all sent the
 * server is processing (`phase` "processing") until it answers with the import's log.
 */
export function useUpload() {
  const client = useQueryClient();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const mutation = useMutation<ImportLog, ApiError, UploadVariables>({
    mutationFn: ({ file, options }) => {
      setProgress({ loaded: 0, total: file.size });
      return uploadImport(file, options, { onProgress: setProgress });
    },
    onSuccess: (log) => {
      client.setQueryData(importKeys.detail(log.id), log);
    },
    onSettled: () => client.invalidateQueries({ queryKey: importKeys.list() }),
  });
  const sentAll = progress !== null && progress.total !== null && progress.loaded >= progress.total;
  const phase: 'idle' | 'uploading' | 'processing' = !mutation.isPending
    ? 'idle'
    : sentAll
      ? 'processing'
      : 'uploading';
  return { upload: mutation, progress, phase };
}
