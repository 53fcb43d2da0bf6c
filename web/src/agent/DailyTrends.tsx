import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgentOverview } from '../api/types';
import { LazyTimeSeriesChart } from '../components/charts/LazyTimeSeriesChart';
import type { ChartLine } from '../components/charts/TimeSeriesChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';
import { LoadingState } from '../components/LoadingState';
import { ExportLinks } from '../components/ExportLinks';
import { addDays } from './dates';
import { useAgentMetrics, useAgentOverviewRange } from './hooks';
import { SegmentedControl } from './SegmentedControl';
import {
  CHART_METRICS,
  chartMetric,
  dailySeries,
  describeDailySeries,
  parseRange,
  RANGES,
  SMOOTHING_DAYS,
  type ChartMetric,
  type RangeDays,
} from './series';

const RANGE_OPTIONS = RANGES.map((days) => ({ value: String(days), label: `${days} days` }));

interface Props {
  agentId: string;
  /** The default overview (90 days to today): the 30- and 90-day charts read it. */
  overview: AgentOverview;
}

type Rows = { metric_date: string; value: number | null }[];

/** Where a range's days come from: the overview at hand, a longer overview, or the metrics. */
function useRows(agentId: string, overview: AgentOverview, range: RangeDays, metric: ChartMetric) {
  const asOf = overview.as_of;
  // A year asks the server for its days (from the archive too), plus a week to smooth the start.
  const from = addDays(asOf, -(range - 1) - (SMOOTHING_DAYS - 1));
  const wide = useAgentOverviewRange(agentId, from, asOf, range === 365 && metric.key !== 'calls_handled');
  // Call counts are not in the overview's series: the daily metrics have them.
  const metrics = useAgentMetrics(agentId, from, asOf, metric.key === 'calls_handled');

  const key = metric.key;
  const rows = useMemo((): Rows | undefined => {
    if (key === 'calls_handled') {
      return metrics.data?.items.map((m) => ({ metric_date: m.metric_date, value: m.calls_handled }));
    }
    const series = range === 365 ? wide.data?.series : overview.series;
    return series?.map((d) => ({ metric_date: d.metric_date, value: d[key] }));
  }, [key, range, metrics.data, wide.data, overview.series]);

  const source = key === 'calls_handled' ? metrics : range === 365 ? wide : null;
  return { rows, source };
}

/** Daily charts of one metric over 30, 90 or 365 days, with its 7-day average. */
export function DailyTrends({ agentId, overview }: Props) {
  const [params, setParams] = useSearchParams();
  const range = parseRange(params.get('range'));
  const metric = chartMetric(params.get('metric'));
  const update = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );

  const { rows, source } = useRows(agentId, overview, range, metric);
  const chart = useMemo(() => {
    if (!rows) return null;
    const series = dailySeries(rows, overview.as_of, range);
    const lines: ChartLine[] = [
      { label: 'Daily', values: series.values, variant: 'daily' },
      { label: '7-day average', values: series.smoothed, variant: 'average' },
    ];
    return {
      x: series.days.map((d) => d * 86_400),
      lines,
      summary: describeDailySeries(metric, series, range),
    };
  }, [rows, overview.as_of, range, metric]);

  return (
    <section className="card" aria-labelledby="daily-heading">
      <div className="card-header">
        <h2 id="daily-heading">Daily trends</h2>
        <ExportLinks
          href={`/api/v1/performance-metrics/export?agent_id=${encodeURIComponent(agentId)}`}
          what="every day of this agent's metrics"
        />
      </div>
      <div className="card-body stack">
        <div className="chart-controls">
          <FormField label="Metric">
            {(control) => (
              <select {...control} value={metric.key} onChange={(e) => update('metric', e.target.value)}>
                {CHART_METRICS.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.label}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <SegmentedControl
            label="Range"
            options={RANGE_OPTIONS}
            value={String(range)}
            onChange={(value) => update('range', value)}
          />
        </div>
        {source?.isError ? (
          <ErrorAlert
            title="Could not load these days"
            action={
              <button type="button" className="button button-secondary" onClick={() => void source.refetch()}>
                Try again
              </button>
            }
          >
            <p>{source.error.message}</p>
          </ErrorAlert>
        ) : !chart ? (
          <LoadingState label={`Loading ${range} days…`} />
        ) : (
          <LazyTimeSeriesChart
            title={`${metric.label}, daily, last ${range} days`}
            summary={chart.summary}
            x={chart.x}
            lines={chart.lines}
            formatValue={metric.format}
            measure="chart"
          />
        )}
        <p className="muted chart-note">
          The 7-day average of a day is the mean of the days with data in the week ending that
          day.
        </p>
      </div>
    </section>
  );
}
