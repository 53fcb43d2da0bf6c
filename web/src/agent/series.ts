// Daily series for the agent's charts: which metrics chart, the 7-day smoothing, the window of
// the chosen range, and the words that stand in for a chart (its text alternative).
import type { DashboardDayFigures } from '../api/types';
import { formatAht, formatDay, formatScore, formatWhole, plural } from '../format/performance';
import { dayNumber, isoOfDay } from './dates';

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

export const RANGES = [30, 90, 365] as const;
export type RangeDays = (typeof RANGES)[number];
export const DEFAULT_RANGE: RangeDays = 90;
/** Days fetched before a range so its first days have a full 7-day average. */
export const SMOOTHING_DAYS = 7;

export function parseRange(value: string | null): RangeDays {
  const n = Number(value);
  return (RANGES as readonly number[]).includes(n) ? (n as RangeDays) : DEFAULT_RANGE;
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
}

/**
 * One metric over the days of a range ending on `lastDay`: smoothed over everything given
 * (so days before the range feed the first averages), then cut to the range.
 */
export function dailySeries(
  rows: readonly { metric_date: string; value: number | null }[],
  lastDay: string,
  rangeDays: number,
): DailySeries {
  const points = rows
    .map((r) => ({ day: dayNumber(r.metric_date), value: r.value }))
    .sort((a, b) => a.day - b.day);
  const smoothed = rollingAverage(points);
  const firstShown = dayNumber(lastDay) - rangeDays + 1;
  const series: DailySeries = { days: [], values: [], smoothed: [] };
  points.forEach((p, i) => {
    if (p.day < firstShown) return;
    series.days.push(p.day);
    series.values.push(p.value);
    series.smoothed.push(smoothed[i] ?? null);
  });
  return series;
}

/** The chart in words: how many days, the range of values and where the average went. */
export function describeDailySeries(metric: ChartMetric, series: DailySeries, rangeDays: number): string {
  const withValue = series.days
    .map((day, i) => ({ day, value: series.values[i] ?? null }))
    .filter((p): p is { day: number; value: number } => p.value !== null);
  const unit = metric.unit ? ` ${metric.unit}` : '';
  if (withValue.length === 0) {
    return `${metric.label}: no data in the last ${rangeDays} days.`;
  }
  let low = withValue[0] as { day: number; value: number };
  let high = low;
  for (const p of withValue) {
    if (p.value < low.value) low = p;
    if (p.value > high.value) high = p;
  }
  const day = (d: number) => formatDay(isoOfDay(d));
  const parts = [
    `${metric.label}${unit}, last ${rangeDays} days: ${plural(withValue.length, 'day')} with data, from ${day(
      withValue[0]!.day,
    )} to ${day(withValue[withValue.length - 1]!.day)}.`,
    `Lowest ${metric.format(low.value)} on ${day(low.day)}; highest ${metric.format(high.value)} on ${day(high.day)}.`,
  ];
  const averages = series.smoothed.filter((v): v is number => v !== null);
  if (averages.length > 1) {
    parts.push(
      `The 7-day average went from ${metric.format(averages[0])} to ${metric.format(
        averages[averages.length - 1],
      )}.`,
    );
  }
  return parts.join(' ');
}
