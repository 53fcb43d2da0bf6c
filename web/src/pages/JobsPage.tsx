import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { JobCard } from '../jobs/JobCard';
import { useJobs } from '../jobs/hooks';

export function JobsPage() {
  const jobs = useJobs();
  const items = jobs.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Jobs"
        description="The scheduled jobs, their last runs and their results. Run one now when needed."
      />
      {jobs.isPending && <LoadingState label="Loading jobs…" />}
      {jobs.isError && !jobs.data && (
        <ErrorAlert
          title="Could not load the jobs"
          action={
            <button type="button" className="button button-secondary" onClick={() => jobs.refetch()}>
              Try again
            </button>
          }
        >
          {jobs.error.message}
        </ErrorAlert>
      )}
      {jobs.isSuccess && items.length === 0 && <p className="muted">No jobs are configured.</p>}
      {items.map((job) => (
        <JobCard key={job.name} job={job} />
      ))}
    </>
  );
}
