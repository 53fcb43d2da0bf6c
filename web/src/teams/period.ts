// The period of the correlations: a preset ending today, or two dates.
import { addDays } from './dates';
import type { CorrelationPeriod } from './queryKeys';

export const PRESET_DAYS = [30, 90, 180, 365] as const;
export type PresetDays = (typeof PRESET_DAYS)[number];

export type Period = { kind: 'preset'; days: PresetDays } | { kind: 'custom'; from: string; to: string };

/** The server's own default: the 90 days up to today. */
export const DEFAULT_PERIOD: Period = { kind: 'preset', days: 90 };

/**
 * The query for a period. The 90-day preset is the server's default (no parameters, so "today"
 * is the organisation's); the others send only `from`, counted back from this device's today
 * (the server ends the period on its today: at most a day's difference, within its limit).
 */
export function periodQuery(period: Period, today: string): CorrelationPeriod {
  if (period.kind === 'custom') return { from: period.from, to: period.to };
  if (period.days === 90) return {};
  return { from: addDays(today, -(period.days - 1)) };
}
