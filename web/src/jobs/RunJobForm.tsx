import { useId, useState, type FormEvent } from 'react';
import type { Job } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldErrorText, TextField } from '../components/FormField';
import { formatWait } from '../format/duration';
import { humanizeEnum } from '../format/labels';
import { jobLabel, runDuration, runStatusLabel } from './format';
import { useRunJob } from './hooks';

const FIELDS = new Set(['date', 'full']);

/** "Run now", with the job's options (a date, a full rebuild), and how the run ended. */
export function RunJobForm({ job }: { job: Job }) {
  const run = useRunJob(job.name);
  const [date, setDate] = useState('');
  const [full, setFull] = useState(false);
  const fullId = useId();
  const label = jobLabel(job.name);

  const error = run.error;
  const alreadyRunning = error?.status === 409;
  const otherDetails = (error?.details ?? []).filter((d) => !FIELDS.has(d.field));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (run.isPending) return;
    run.mutate({ ...(job.takes_date && date ? { date } : {}), ...(job.takes_full && full ? { full } : {}) });
  }

  const outcome = run.data;
  return (
    <form className="run-job-form" onSubmit={onSubmit} aria-label={`Run ${label} now`}>
      {(job.takes_date || job.takes_full) && (
        <div className="run-job-options">
          {job.takes_date && (
            <TextField
              label="As of date (optional)"
              type="date"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={error?.fieldMessage('date')}
              hint="Empty: the organisation's today."
              disabled={run.isPending}
            />
          )}
          {job.takes_full && (
            <div className="field">
              <label className="checkbox" htmlFor={fullId}>
                <input
                  id={fullId}
                  type="checkbox"
                  checked={full}
                  onChange={(e) => setFull(e.target.checked)}
                  disabled={run.isPending}
                />
                <span>Full rebuild <span className="muted">— recompute every period</span></span>
              </label>
              {error?.fieldMessage('full') && (
                <p className="field-error">{fieldErrorText('Full rebuild', error.fieldMessage('full') ?? '')}</p>
              )}
            </div>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={run.isPending}>
          {run.isPending ? 'Running…' : 'Run now'}
        </button>
      </div>
      {error && (
        <ErrorAlert title={alreadyRunning ? 'Already running' : `${label} did not run`}>
          <p>{error.message}</p>
          {error.retryAfter !== null && <p>Try again in {formatWait(error.retryAfter)}.</p>}
          {otherDetails.map((d) => (
            <p key={`${d.field}:${d.message}`}>
              {d.field ? fieldErrorText(humanizeEnum(d.field), d.message) : d.message}
            </p>
          ))}
        </ErrorAlert>
      )}
      {outcome?.status === 'FAILED' && (
        <ErrorAlert title={`The run failed after ${runDuration(outcome)}`}>
          <p>{outcome.error ?? 'The server gave no reason.'}</p>
        </ErrorAlert>
      )}
      <p role="status" aria-live="polite" className="run-outcome">
        {run.isPending && `Running ${label}…`}
        {outcome && outcome.status !== 'FAILED' && (
          <span className="alert alert-success run-outcome-success">
            Run finished: {runStatusLabel(outcome.status)} in {runDuration(outcome)}
            {outcome.rows_affected !== null ? `, ${outcome.rows_affected} rows affected` : ''}.
          </span>
        )}
      </p>
    </form>
  );
}
