import { api, ok } from '../api/client';
import type { JobPage, JobRun } from '../api/types';

export function listJobs(signal?: AbortSignal): Promise<JobPage> {
  return ok(api.GET('/api/v1/jobs', { signal }));
}

export interface RunRequest {
  /** YYYY-MM-DD: run as of that day (jobs that take a date). */
  date?: string;
  /** history only: rebuild every period. */
  full?: boolean;
}

/** Runs the job now; resolves when the run has ended (SUCCESS or FAILED alike). */
export function runJob(name: string, request: RunRequest): Promise<JobRun> {
  const body: RunRequest = {};
  if (request.date) body.date = request.date;
  if (request.full) body.full = true;
  return ok(api.POST('/api/v1/jobs/{name}/run', { params: { path: { name } }, body }));
}
