import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { LazyTimeSeriesChart } from '../components/charts/LazyTimeSeriesChart';
import type { ChartAnnotation, ChartLine } from '../components/charts/TimeSeriesChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { ExportLinks } from '../components/ExportLinks';
import { formatScore, plural } from '../format/performance';
import { daySeconds } from './dates';
import { describeHistory, eventsOf, parsePeriodType, PERIOD_TYPES, periodNoun } from './history';
import { HistoryTable } from './HistoryTable';
import { HISTORY_LIMITS, useAgentHistory } from './hooks';
import { SegmentedControl } from './SegmentedControl';

interface Props {
  agentId: string;
  /** Today (the overview's as_of): periods ending later are still running. */
  today: string;
}

const formatAxis = (v: number) => formatScore(v);

/** Weekly, monthly or quarterly averages as a chart with the period's events, and a table. */
export function HistorySection({ agentId, today }: Props) {
  const [params, setParams] = useSearchParams();
  const type = parsePeriodType(params.get('period'));
  const history = useAgentHistory(agentId, type);
  const noun = periodNoun(type);

  const chart = useMemo(() => {
    // The data is latest first; the chart runs oldest first.
    const rows = [...(history.data?.items ?? [])].filter((r) => r.period_type === type).reverse();
    const lines: ChartLine[] = [
      {
        label: `Composite average by ${noun}`,
        values: rows.map((r) => r.avg_composite_score),
        variant: 'period',
      },
    ];
    const annotations: ChartAnnotation[] = eventsOf(rows).map((e) => ({
      x: daySeconds(e.date),
      label: e.description,
    }));
    return {
      rows,
      x: rows.map((r) => daySeconds(r.period_ending)),
      lines,
      annotations,
      summary: describeHistory(type, rows),
    };
  }, [history.data, type, noun]);

  const latestFirst = useMemo(() => [...chart.rows].reverse(), [chart.rows]);

  return (
    <section className="card" aria-labelledby="history-heading">
      <div className="card-header">
        <h2 id="history-heading">History</h2>
        <p className="muted">Latest {plural(HISTORY_LIMITS[type], noun)}</p>
        <ExportLinks
          href={`/api/v1/performance-history/export?agent_id=${encodeURIComponent(agentId)}&period_type=${type}`}
          what={`this agent's ${noun} history`}
        />
      </div>
      <div className="card-body stack">
        <SegmentedControl
          label="Period"
          options={PERIOD_TYPES}
          value={type}
          onChange={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('period', value);
                return next;
              },
              { replace: true },
            )
          }
        />
        {history.isPending ? (
          <LoadingState label="Loading history…" />
        ) : history.isError ? (
          <ErrorAlert
            title="Could not load the history"
            action={
              <button type="button" className="button button-secondary" onClick={() => void history.refetch()}>
                Try again
              </button>
            }
          >
            <p>{history.error.message}</p>
          </ErrorAlert>
        ) : chart.rows.length === 0 ? (
          <p className="muted">No {noun} with metrics yet.</p>
        ) : (
          <>
            <LazyTimeSeriesChart
              title={`Composite average by ${noun}, with events`}
              summary={chart.summary}
              x={chart.x}
              lines={chart.lines}
              annotations={chart.annotations}
              formatValue={formatAxis}
              height={220}
            />
            <HistoryTable
              type={type}
              rows={latestFirst}
              today={today}
              caption={`History by ${noun}, latest first`}
            />
          </>
        )}
      </div>
    </section>
  );
}
