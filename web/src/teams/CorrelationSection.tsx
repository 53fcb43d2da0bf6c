import { useState } from 'react';
import { isApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { formatCount } from './correlation';
import { CorrelationLegend } from './CorrelationLegend';
import { CorrelationMatrixTable } from './CorrelationMatrixTable';
import { formatDay, localToday } from './dates';
import { DEFAULT_PERIOD, periodQuery, type Period } from './period';
import { PeriodPicker, type PeriodErrors } from './PeriodPicker';
import { useCorrelations } from './queries';

const HEADING_ID = 'teams-corr-heading';

function fieldErrors(error: unknown): PeriodErrors {
  if (!isApiError(error)) return {};
  const errors: PeriodErrors = {};
  for (const d of error.details) {
    if (d.field === 'from') errors.from = d.message;
    if (d.field === 'to') errors.to = d.message;
  }
  return errors;
}

/** What r means, for people who are not statisticians. */
export function CorrelationExplanation() {
  return (
    <p className="teams-explain">
      Each figure r (from −1 to 1) shows how two metrics move together on the same agent and day.
      Near 1: when one is high, the other is usually high too. Near −1: when one is high, the other
      is usually low. Near 0: no clear link. n is how many agent-days had both metrics; the smaller
      it is, the less the figure can be trusted. A link does not prove that one causes the other.
      For AHT lower is better, so a negative r with a score means shorter calls go with better
      scores.
    </p>
  );
}

/** The correlations between the metrics of the caller's agents, over a period they pick. */
export function CorrelationSection() {
  const [period, setPeriod] = useState<Period>(DEFAULT_PERIOD);
  const [today] = useState(localToday);
  const correlations = useCorrelations(periodQuery(period, today));
  const errors = correlations.isError ? fieldErrors(correlations.error) : {};
  const hasFieldErrors = errors.from !== undefined || errors.to !== undefined;
  const data = correlations.data;

  return (
    <section className="card" aria-labelledby={HEADING_ID}>
      <div className="card-header">
        <h2 id={HEADING_ID}>How your metrics move together</h2>
      </div>
      <div className="card-body stack">
        <CorrelationExplanation />
        <PeriodPicker
          period={period}
          onChange={setPeriod}
          errors={errors}
          shown={data ? { from: data.from, to: data.to } : null}
        />
        {correlations.isPending && <LoadingState label="Loading the correlations…" />}
        {correlations.isError &&
          (hasFieldErrors ? (
            <ErrorAlert title="Could not show this period">Correct the dates above.</ErrorAlert>
          ) : (
            <ErrorAlert
              title="Could not load the correlations"
              action={
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => correlations.refetch()}
                >
                  Try again
                </button>
              }
            >
              {correlations.error.message}
            </ErrorAlert>
          ))}
        {data && (
          <>
            <p className="teams-corr-summary" aria-live="polite">
              {formatDay(data.from)} to {formatDay(data.to)}: {formatCount(data.agents)}{' '}
              {data.agents === 1 ? 'agent' : 'agents'}, {formatCount(data.rows)} agent-days
              {correlations.isPlaceholderData ? ' (updating…)' : ''}
            </p>
            {data.rows === 0 ? (
              <p className="muted">No metrics in this period, so there is nothing to correlate.</p>
            ) : (
              <>
                <CorrelationMatrixTable matrix={data} />
                <CorrelationLegend />
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}
