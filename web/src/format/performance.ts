// Performance levels, trends, the coaching cadence and figures for people
// (docs/domain.md: "Performance level and coaching cadence", "Trends").
import type { DashboardMetricTrend, DashboardPerformanceLevel } from '../api/types';

export type Level = DashboardPerformanceLevel;
export type Trend = DashboardMetricTrend;

/** Best first. */
export const LEVELS: readonly Level[] = ['EXCELLENT', 'GOOD', 'FAIR', 'POOR', 'CRITICAL'];

const LEVEL_LABELS: Record<Level, string> = {
  EXCELLENT: 'Excellent',
  GOOD: 'Good',
  FAIR: 'Fair',
  POOR: 'Poor',
  CRITICAL: 'Critical',
};

export function levelLabel(level: Level | null): string {
  if (level === null) return 'No level';
  return LEVEL_LABELS[level] ?? level;
}

/** The longest gap without coaching per level, in days; 14 without a level. */
const COACHING_GAP_DAYS: Record<Level, number> = {
  EXCELLENT: 30,
  GOOD: 14,
  FAIR: 7,
  POOR: 3,
  CRITICAL: 1,
};
export const NO_LEVEL_GAP_DAYS = 14;

export function coachingGapDays(level: Level | null): number {
  return level === null ? NO_LEVEL_GAP_DAYS : (COACHING_GAP_DAYS[level] ?? NO_LEVEL_GAP_DAYS);
}

/** "every 7 days", "every day". */
export function cadenceText(gapDays: number): string {
  return gapDays === 1 ? 'every day' : `every ${gapDays} days`;
}

export type CoachingStatus =
  | { kind: 'never'; gap: number }
  | { kind: 'on-time'; gap: number; days: number }
  | { kind: 'overdue'; gap: number; days: number; overdueBy: number };

/** Days since the last completed session against the level's gap (d = gap is on time). */
export function coachingStatus(days: number | null, level: Level | null): CoachingStatus {
  const gap = coachingGapDays(level);
  if (days === null) return { kind: 'never', gap };
  if (days > gap) return { kind: 'overdue', gap, days, overdueBy: days - gap };
  return { kind: 'on-time', gap, days };
}

const TRENDS: Record<Trend, { label: string; arrow: string }> = {
  IMPROVING: { label: 'Improving', arrow: '↑' },
  STABLE: { label: 'Stable', arrow: '→' },
  DECLINING: { label: 'Declining', arrow: '↓' },
  INSUFFICIENT_DATA: { label: 'Not enough data', arrow: '·' },
};

export const TRENDS_IN_ORDER: readonly Trend[] = [
  'IMPROVING',
  'STABLE',
  'DECLINING',
  'INSUFFICIENT_DATA',
];

export function trendLabel(trend: Trend | null): string {
  return trend === null ? 'No trend yet' : (TRENDS[trend]?.label ?? trend);
}

export function trendArrow(trend: Trend | null): string {
  return trend === null ? '·' : (TRENDS[trend]?.arrow ?? '·');
}

const twoDecimals = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const oneDecimal = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

/** A score as stored (2 decimals), or an em dash without one. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : twoDecimals.format(value);
}

export function formatOneDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : oneDecimal.format(value);
}

export function formatWhole(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : whole.format(value);
}

/** Seconds as m:ss ("8:17"). */
export function formatAht(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.round(seconds);
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** A signed change in points ("+1.19", "−0.40", "0.00"). */
export function formatSignedPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const text = twoDecimals.format(Math.abs(value));
  if (value > 0) return `+${text}`;
  if (value < 0) return `−${text}`;
  return text;
}

const DAY_FORMATS = {
  medium: new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }),
  long: new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }),
};

/** A calendar date ("2026-12-06") for people, in UTC so no time zone moves the day. */
export function formatDay(iso: string | null | undefined, style: 'medium' | 'long' = 'medium'): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return DAY_FORMATS[style].format(new Date(Date.UTC(y, m - 1, d)));
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
