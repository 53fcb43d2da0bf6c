// Reading a Pearson correlation for people: its figure, strength, colour and sample size.
import type { CorrelationMatrix } from '../api/types';
import type { MetricKey } from './metrics';

const MINUS = '\u2212';

/** r rounded to 2 decimals (never "-0.00"); null stays null. */
export function roundR(r: number | null): number | null {
  if (r === null || Number.isNaN(r)) return null;
  const rounded = Math.round(r * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** r with 2 decimals and a real minus sign: "0.80", "−0.76", "0.00"; "not enough data" for null. */
export function formatR(r: number | null): string {
  const rounded = roundR(r);
  if (rounded === null) return 'not enough data';
  const text = Math.abs(rounded).toFixed(2);
  return rounded < 0 ? `${MINUS}${text}` : text;
}

export type Strength = 'strong' | 'moderate' | 'weak' | 'none';

/** |r| >= 0.7 strong, >= 0.4 moderate, >= 0.1 weak, else no clear link (on the shown figure). */
export function strengthOf(r: number): Strength {
  const a = Math.abs(roundR(r) ?? 0);
  if (a >= 0.7) return 'strong';
  if (a >= 0.4) return 'moderate';
  if (a >= 0.1) return 'weak';
  return 'none';
}

/** "strong positive link", "weak negative link", "no clear link", "not enough data". */
export function describeR(r: number | null): string {
  const rounded = roundR(r);
  if (rounded === null) return 'not enough data';
  const strength = strengthOf(rounded);
  if (strength === 'none') return 'no clear link';
  return `${strength} ${rounded > 0 ? 'positive' : 'negative'} link`;
}

const STEP: Record<Strength, number> = { none: 0, weak: 1, moderate: 2, strong: 3 };

/** The diverging colour scale's class: teams-corr-neg-3 … teams-corr-zero … teams-corr-pos-3. */
export function correlationClass(r: number | null): string {
  const rounded = roundR(r);
  if (rounded === null) return 'teams-corr-missing';
  const step = STEP[strengthOf(rounded)];
  if (step === 0) return 'teams-corr-zero';
  return `teams-corr-${rounded > 0 ? 'pos' : 'neg'}-${step}`;
}

const COUNT = new Intl.NumberFormat('en-GB');

export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** The sample size as the cell shows it: "n = 2,695". */
export function formatN(n: number): string {
  return `n = ${formatCount(n)}`;
}

/** Fewer agent-days than this make r shaky: the cell says so. */
export const FEW_DAYS = 30;

export interface CorrelationCell {
  r: number | null;
  n: number;
}

/** The pair of two metrics, whichever order the server listed them in; null if absent. */
export function cellOf(
  matrix: Pick<CorrelationMatrix, 'pairs'>,
  x: MetricKey,
  y: MetricKey,
): CorrelationCell | null {
  const pair = matrix.pairs.find(
    (p) => (p.metric_x === x && p.metric_y === y) || (p.metric_x === y && p.metric_y === x),
  );
  return pair ? { r: pair.r, n: pair.n } : null;
}

/** The colour scale's steps for the legend, from strong negative to strong positive. */
export const SCALE: readonly { className: string; label: string; range: string }[] = [
  { className: 'teams-corr-neg-3', label: 'Strong negative', range: `${MINUS}1 to ${MINUS}0.70` },
  { className: 'teams-corr-neg-2', label: 'Moderate negative', range: `${MINUS}0.69 to ${MINUS}0.40` },
  { className: 'teams-corr-neg-1', label: 'Weak negative', range: `${MINUS}0.39 to ${MINUS}0.10` },
  { className: 'teams-corr-zero', label: 'No clear link', range: `${MINUS}0.09 to 0.09` },
  { className: 'teams-corr-pos-1', label: 'Weak positive', range: '0.10 to 0.39' },
  { className: 'teams-corr-pos-2', label: 'Moderate positive', range: '0.40 to 0.69' },
  { className: 'teams-corr-pos-3', label: 'Strong positive', range: '0.70 to 1' },
  { className: 'teams-corr-missing', label: 'Not enough data', range: 'fewer than 2 days, or no variation' },
];
