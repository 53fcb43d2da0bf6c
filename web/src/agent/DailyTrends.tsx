import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AgentOverview } from '../api/types';
import { LazyTimeSeriesChart } from '../components/charts/LazyTimeSeriesChart';
import type { ChartLine } from '../components/charts/TimeSeriesChart';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';
import { LoadingState } from '../components/LoadingState';
import { ExportLinks } from '../components/ExportLinks';
import { useAgentMetrics, useAgentOverviewRange, useTeamDailyAverages } from './hooks';
import { SegmentedControl } from './SegmentedControl';
import {
  CHART_METRICS,
  chartMetric,
  dailySeries,
  describeDailySeries,
  fetchFrom,
  needsWiderOverview,
  OVERVIEW_DAYS,
  parseRange,
  rangeLabel,
  RANGES,
  type ChartMetric,
  type DayRow,
  type RangeDays,
} from './series';

const RANGE_OPTIONS = RANGES.map((days) => ({ value: String(days), label: rangeLabel(days) }));

interface Props {
  agentId: string;
  /** The default overview (90 days to today): the 30- and 90-day charts read it. */
  overview: AgentOverview;
  /** The team whose average the charts compare with (the agent's team leader); null: none. */
  teamLeaderId?: string | null;
}

/** Where a range's days come from: the overview at hand, a longer overview, or the metrics. */
function useRows(agentId: string, overview: AgentOverview, range: RangeDays, metric: ChartMetric) {
  const asOf = overview.as_of;
  // A longer range asks the server for its days (from the archive too), plus a week to smooth
  // the start (as much of it as one request may cover).
  const from = fetchFrom(asOf, range);
  const wider = needsWiderOverview(range);
  const wide = useAgentOverviewRange(agentId, from, asOf, wider && metric.key !== 'calls_handled');
  // Call counts are not in the overview's series: the daily metrics have them.
  const metrics = useAgentMetrics(agentId, from, asOf, metric.key === 'calls_handled');

  const key = metric.key;
  const rows = useMemo((): DayRow[] | undefined => {
    if (key === 'calls_handled') {
      return metrics.data?.items.map((m) => ({ metric_date: m.metric_date, value: m.calls_handled }));
    }
    const series = wider ? wide.data?.series : overview.series;
    return series?.map((d) => ({ metric_date: d.metric_date, value: d[key] }));
  }, [key, wider, metrics.data, wide.data, overview.series]);

  const source = key === 'calls_handled' ? metrics : wider ? wide : null;
  return { rows, source };
}

/**
 * The team's average of the metric per day, over the range and the week before it; the 30-
 * and 90-day ranges share one request. None for the calls (not averaged) or without a team.
 */
function useTeamRows(teamLeaderId: string | null, asOf: string, range: RangeDays, metric: ChartMetric) {
  const from = fetchFrom(asOf, Math.max(range, OVERVIEW_DAYS));
  const wanted = teamLeaderId !== null && metric.key !== 'calls_handled';
  const team = useTeamDailyAverages(teamLeaderId, from, asOf, wanted);
  const key = metric.key;
  const rows = useMemo((): DayRow[] | null => {
    if (!wanted || key === 'calls_handled' || !team.data) return null;
    return team.data.days.map((d) => ({ metric_date: d.metric_date, value: d[key] }));
  }, [wanted, key, team.data]);
  // The chart waits for the team's days; without them (refused, failed) it draws the agent's.
  return { rows, pending: wanted && team.isPending, failed: wanted && team.isError };
}

/**
 * Daily charts of one metric over 30, 90 or 365 days or 2 years, with its 7-day average and,
 * when a team is given, the team's.
 */
export function DailyTrends({ agentId, overview, teamLeaderId = null }: Props) {
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
  const team = useTeamRows(teamLeaderId, overview.as_of, range, metric);
  const chart = useMemo(() => {
    if (!rows || team.pending) return null;
    const series = dailySeries(rows, overview.as_of, range, team.rows);
    const lines: ChartLine[] = [
      { label: 'Daily', values: series.values, variant: 'daily' },
      { label: '7-day average', values: series.smoothed, variant: 'average' },
    ];
    if (series.team) lines.push({ label: 'Team average', values: series.team, variant: 'team' });
    return {
      x: series.days.map((d) => d * 86_400),
      lines,
      summary: describeDailySeries(metric, series, range),
    };
  }, [rows, team.pending, team.rows, overview.as_of, range, metric]);

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
          <LoadingState label={`Loading ${rangeLabel(range)}…`} />
        ) : (
          <LazyTimeSeriesChart
            title={`${metric.label}, daily, last ${rangeLabel(range)}`}
            summary={chart.summary}
            x={chart.x}
            lines={chart.lines}
            formatValue={metric.format}
            measure="chart"
          />
        )}
        {team.failed && <p className="muted chart-note">The team average could not be loaded.</p>}
        <p className="muted chart-note">
          The 7-day average of a day is the mean of the days with data in the week ending that
          day.
          {team.rows &&
            " The team average is the mean of the team's agents on each day, averaged over the same week."}
          {range === 730 && ' Over 2 years, the averages of the first week count only the days from its start.'}
        </p>
      </div>
    </section>
  );
}
