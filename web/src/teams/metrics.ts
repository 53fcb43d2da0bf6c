// The metrics the teams area shows: their names for people and how their values read.
import type { CorrelatedMetric } from '../api/types';

export type MetricKey = CorrelatedMetric;

interface MetricInfo {
  /** Its name in a column header. */
  label: string;
  /** Its name in a sentence. */
  name: string;
  /** A 0-100 score that has a level (the composite's bands). */
  scored: boolean;
  unit: string;
}

export const METRICS: Record<MetricKey, MetricInfo> = {
  composite_score: { label: 'Composite', name: 'composite score', scored: true, unit: '' },
  service_score: { label: 'Service', name: 'service score', scored: true, unit: '' },
  productivity_score: { label: 'Productivity', name: 'productivity score', scored: true, unit: '' },
  quality_score: { label: 'Quality', name: 'quality score', scored: true, unit: '' },
  attendance_rate: { label: 'Attendance', name: 'attendance rate', scored: true, unit: '' },
  adherence_score: { label: 'Adherence', name: 'adherence score', scored: true, unit: '' },
  csat: { label: 'CSAT', name: 'CSAT (1–5)', scored: false, unit: '' },
  fcr: { label: 'FCR', name: 'first contact resolution (%)', scored: false, unit: '%' },
  aht: { label: 'AHT', name: 'average handling time (seconds)', scored: false, unit: ' s' },
};

/** The matrix's metric columns, composite first. */
export const MATRIX_METRICS: readonly MetricKey[] = [
  'composite_score',
  'service_score',
  'productivity_score',
  'quality_score',
  'attendance_rate',
  'adherence_score',
  'csat',
  'fcr',
  'aht',
];

export function metricLabel(metric: string): string {
  return Object.hasOwn(METRICS, metric) ? METRICS[metric as MetricKey].label : metric;
}

export function metricName(metric: string): string {
  return Object.hasOwn(METRICS, metric) ? METRICS[metric as MetricKey].name : metric;
}

/** A metric's value for people: "79.79", CSAT "4.17", FCR "72.82%", AHT "352 s"; "—" without. */
export function formatMetric(metric: MetricKey, value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (metric === 'aht') return `${Math.round(value)} s`;
  return `${value.toFixed(2)}${METRICS[metric].unit}`;
}
