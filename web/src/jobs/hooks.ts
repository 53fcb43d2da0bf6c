import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { JobPage, JobRun } from '../api/types';
import { listJobs, runJob, type RunRequest } from './jobsApi';
import { jobKeys } from './queryKeys';

export function useJobs() {
  return useQuery<JobPage, ApiError>({
    queryKey: jobKeys.list(),
    queryFn: ({ signal }) => listJobs(signal),
  });
}

export function useRunJob(name: string) {
  const client = useQueryClient();
  return useMutation<JobRun, ApiError, RunRequest>({
    mutationFn: (request) => runJob(name, request),
    onSettled: () => client.invalidateQueries({ queryKey: jobKeys.list() }),
  });
}
