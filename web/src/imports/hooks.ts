import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiError } from '../api/client';
import type { ImportLog } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { getImport, listImports, listRunningImports, rollbackImport } from './importsApi';
import { isFinalStatus } from './labels';
import { importKeys } from './queryKeys';
import { pickRunningImport, serverProgress, type ServerProgress, type UploadIdentity } from './serverProgress';
import { uploadImport, uploadUrlFileName, type UploadOptions, type UploadProgress } from './upload';

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

/** One upload as the server will log it, numbered so that each upload polls afresh. */
interface SentUpload extends UploadIdentity {
  seq: number;
}

/**
 * The upload with its progress: `progress` follows the bytes sent; once they are all sent the
 * server is processing (`phase` "processing") until it answers with the import's log. While it
 * processes, the running imports are polled for this upload's own (`server`: the rows read so
 * far), since the POST itself says nothing until the import has ended.
 */
export function useUpload() {
  const client = useQueryClient();
  const me = useCurrentUser();
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [sent, setSent] = useState<SentUpload | null>(null);
  const mutation = useMutation<ImportLog, ApiError, UploadVariables>({
    mutationFn: ({ file, options }) => {
      setProgress({ loaded: 0, total: file.size });
      setSent((last) => ({
        seq: (last?.seq ?? 0) + 1,
        fileName: uploadUrlFileName(file.name),
        size: file.size,
        importedBy: me.id,
      }));
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
  const running = useQuery({
    queryKey: importKeys.running(sent?.seq ?? 0),
    queryFn: ({ signal }) => listRunningImports(signal),
    enabled: phase === 'processing' && sent !== null,
    refetchInterval: POLL_MS,
    // A poll that fails leaves the bar as it was; the upload's own answer is what counts.
    retry: false,
    gcTime: 0,
  });
  const item = phase === 'processing' && sent && running.data ? pickRunningImport(running.data, sent) : null;
  const server: ServerProgress | null = item ? serverProgress(item) : null;
  return { upload: mutation, progress, phase, server };
}
