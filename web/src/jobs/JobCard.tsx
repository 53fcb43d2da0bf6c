import { useId } from 'react';
import type { Job } from '../api/types';
import { formatDateTime, jobLabel } from './format';
import { JobRunsTable } from './JobRunsTable';
import { RunJobForm } from './RunJobForm';

/** One job: what it does, when it runs, "Run now" and its last runs. */
export function JobCard({ job }: { job: Job }) {
  const headingId = useId();
  const label = jobLabel(job.name);
  return (
    <section className="card job-card" aria-labelledby={headingId}>
      <div className="card-header card-header-wrap">
        <h2 id={headingId}>{label}</h2>
        {job.due_now && <span className="badge job-badge-due">Due now</span>}
      </div>
      <div className="card-body stack">
        <p>{job.description}</p>
        <dl className="profile-list job-facts">
          <div className="profile-row">
            <dt>Schedule</dt>
            <dd>
              Daily at {job.time} ({job.timezone})
            </dd>
          </div>
          <div className="profile-row">
            <dt>Next run</dt>
            <dd>
              {job.due_now ? 'Overdue: at the scheduler’s next wake-up' : formatDateTime(job.next_run_at)}
            </dd>
          </div>
          <div className="profile-row">
            <dt>Last success</dt>
            <dd>{job.last_success_at ? formatDateTime(job.last_success_at) : 'Never'}</dd>
          </div>
        </dl>
        <RunJobForm job={job} />
        <h3 className="subheading">Last runs</h3>
        <JobRunsTable runs={job.runs} caption={`Last runs of ${label}`} />
      </div>
    </section>
  );
}
