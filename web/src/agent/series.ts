// Daily series for the agent's charts: which metrics chart, the 7-day smoothing, the window of
// the chosen range, and the words that stand in for a chart (its text alternative).
import type { DashboardDayFigures } from '../api/types';
import { formatAht, formatDay, formatScore, formatWhole, plural } from '../format/performance';
import { addDays, dayNumber, isoOfDay } from './dates';

export type DailyKey = Exclude<keyof DashboardDayFigures, 'metric_date'>;
/** What the daily chart can show: a figure of the overview's series, or calls handled. */
export type ChartMetricKey = DailyKey | 'calls_handled';

export interface ChartMetric {
  key: ChartMetricKey;
  label: string;
  format: (value: number | null | undefined) => string;
  /** Words after a value ("seconds"), for the text alternative. */
  unit?: string;
}

export const CHART_METRICS: readonly ChartMetric[] = [
  { key: 'composite_score', label: 'Composite score', format: formatScore },
  { key: 'service_score', label: 'Service', format: formatScore },
  { key: 'productivity_score', label: 'Productivity', format: formatScore },
  { key: 'quality_score', label: 'Quality', format: formatScore },
  { key: 'attendance_rate', label: 'Attendance', format: formatScore },
  { key: 'adherence_score', label: 'Adherence', format: formatScore },
  { key: 'csat', label: 'CSAT', format: formatScore },
  { key: 'fcr', label: 'First-contact resolution', format: formatScore },
  { key: 'aht', label: 'Average handle time', format: formatAht, unit: '(minutes:seconds)' },
  { key: 'calls_handled', label: 'Calls handled', format: formatWhole },
];

export function chartMetric(key: string | null): ChartMetric {
  return CHART_METRICS.find((m) => m.key === key) ?? (CHART_METRICS[0] as ChartMetric);
}

export const RANGES = [30, 90, 365, 730] as const;
export type RangeDays = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangeDays = 90;
/** Days fetched before a range so its first days have a full 7-day average. */
export const SMOOTHING_DAYS = 7;
/** The most days one overview (or a team's daily averages) may cover: the server's limit. */
export const MAX_FETCH_DAYS = 731;
/** The days the overview's default answer covers (90 days to today). */
export const OVERVIEW_DAYS = 90;

export function parseRange(value: string | null): RangeDays {
  const n = Number(value);
  return (RANGES as readonly number[]).includes(n) ? (n as RangeDays) : DEFAULT_RANGE;
}

/** How a range is named: "30 days", ..., "2 years". */
export function rangeLabel(days: number): string {
  return days === 730 ? '2 years' : `${days} days`;
}

/**
 * The first day to ask the server for, for a range ending on `lastDay`: the range and the
 * week before it (to smooth its first days), but never more days than one request may cover
 * (2 years: only one day before the range).
 */
export function fetchFrom(lastDay: string, rangeDays: number): string {
  return addDays(lastDay, -Math.min(rangeDays - 1 + SMOOTHING_DAYS - 1, MAX_FETCH_DAYS - 1));
}

/** Whether a range needs days the overview at hand (90 days to today) does not have. */
export function needsWiderOverview(rangeDays: number): boolean {
  return rangeDays > OVERVIEW_DAYS;
}

export interface DayValue {
  /** Days since 1970-01-01. */
  day: number;
  value: number | null;
}

/**
 * The mean of the values of the `windowDays` calendar days ending on each point's day (days
 * without a value do not count; none at all: null). Points must be in day order.
 */
export function rollingAverage(points: readonly DayValue[], windowDays = SMOOTHING_DAYS): (number | null)[] {
  const out: (number | null)[] = [];
  let start = 0;
  let sum = 0;
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as DayValue;
    if (p.value !== null) {
      sum += p.value;
      count++;
    }
    while (start <= i && (points[start] as DayValue).day <= p.day - windowDays) {
      const old = (points[start] as DayValue).value;
      if (old !== null) {
        sum -= old;
        count--;
      }
      start++;
    }
    out.push(count > 0 ? sum / count : null);
  }
  return out;
}

export interface DailySeries {
  /** Days since 1970-01-01, ascending. */
  days: number[];
  values: (number | null)[];
  smoothed: (number | null)[];
  /** The team's 7-day average on each day; null when no team is compared. */
  team: (number | null)[] | null;
}

export type DayRow = { metric_date: string; value: number | null };

function byDay(rows: readonly DayRow[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const r of rows) out.set(dayNumber(r.metric_date), r.value);
  return out;
}

/**
 * One metric over the days of a range ending on `lastDay`: smoothed over everything given
 * (so days before the range feed the first averages), then cut to the range. With `teamRows`
 * (the team's average of the metric per day), the team's 7-day average too, on the days of
 * both (a day only one of them has is null for the other).
 */
export function dailySeries(
  rows: readonly DayRow[],
  lastDay: string,
  rangeDays: number,
  teamRows: readonly DayRow[] | null = null,
): DailySeries {
  const agent = byDay(rows);
  const team = teamRows ? byDay(teamRows) : null;
  const days = [...new Set([...agent.keys(), ...(team ? team.keys() : [])])].sort((a, b) => a - b);
  const points = days.map((day) => ({ day, value: agent.get(day) ?? null }));
  const smoothed = rollingAverage(points);
  const teamSmoothed = team ? rollingAverage(days.map((day) => ({ day, value: team.get(day) ?? null }))) : null;
  const firstShown = dayNumber(lastDay) - rangeDays + 1;
  const series: DailySeries = { days: [], values: [], smoothed: [], team: team ? [] : null };
  points.forEach((p, i) => {
    if (p.day < firstShown) return;
    series.days.push(p.day);
    series.values.push(p.value);
    series.smoothed.push(smoothed[i] ?? null);
    series.team?.push(teamSmoothed?.[i] ?? null);
  });
  return series;
}

/** The first and last values of a line, when it has two or more. */
function ends(values: readonly (number | null)[]): [number, number] | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 1 ? [known[0] as number, known[known.length - 1] as number] : null;
}

/** The chart in words: how many days, the range of values and where the averages went. */
export function describeDailySeries(metric: ChartMetric, series: DailySeries, rangeDays: number): string {
  const withValue = series.days
    .map((day, i) => ({ day, value: series.values[i] ?? null }))
    .filter((p): p is { day: number; value: number } => p.value !== null);
  const unit = metric.unit ? ` ${metric.unit}` : '';
  const last = `last ${rangeLabel(rangeDays)}`;
  const team = series.team ? ends(series.team) : null;
  const teamText = team
    ? `The team average went from ${metric.format(team[0])} to ${metric.format(team[1])}.`
    : null;
  if (withValue.length === 0) {
    return [`${metric.label}: no data in the ${last}.`, ...(teamText ? [teamText] : [])].join(' ');
  }
  let low = withValue[0] as { day: number; value: number };
  let high = low;
  for (const p of withValue) {
    if (p.value < low.value) low = p;
    if (p.value > high.value) high = p;
  }
  const day = (d: number) => formatDay(isoOfDay(d));
  const parts = [
    `${metric.label}${unit}, ${last}: ${plural(withValue.length, 'day')} with data, from ${day(
      withValue[0]!.day,
    )} to ${day(withValue[withValue.length - 1]!.day)}.`,
    `Lowest ${metric.format(low.value)} on ${day(low.day)}; highest ${metric.format(high.value)} on ${day(high.day)}.`,
  ];
  const averages = ends(series.smoothed);
  if (averages) {
    parts.push(`The 7-day average went from ${metric.format(averages[0])} to ${metric.format(averages[1])}.`);
  }
  if (teamText) parts.push(teamText);
  return parts.join(' ');
}
