// Weekly, monthly and quarterly history for people: period names and the chart in words.
import type { HistoryEvent, HistoryRow } from '../api/types';
import { formatDay, formatScore, plural } from '../format/performance';

export type PeriodType = HistoryRow['period_type'];

export const PERIOD_TYPES: readonly { value: PeriodType; label: string; noun: string }[] = [
  { value: 'WEEK', label: 'Weeks', noun: 'week' },
  { value: 'MONTH', label: 'Months', noun: 'month' },
  { value: 'QUARTER', label: 'Quarters', noun: 'quarter' },
];

export function parsePeriodType(value: string | null): PeriodType {
  return value === 'MONTH' || value === 'QUARTER' ? value : 'WEEK';
}

export function periodNoun(type: PeriodType): string {
  return PERIOD_TYPES.find((p) => p.value === type)?.noun ?? 'period';
}

const monthYear = new Intl.DateTimeFormat(undefined, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "Week ending 13 Sep 2026", "September 2026", "Q3 2026"; "(so far)" while it runs. */
export function periodName(type: PeriodType, ending: string, today: string | null = null): string {
  const [y, m] = ending.split('-').map(Number);
  let name: string;
  if (type === 'WEEK') name = `Week ending ${formatDay(ending)}`;
  else if (type === 'MONTH') name = monthYear.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)));
  else name = `Q${Math.ceil((m ?? 1) / 3)} ${y}`;
  return today !== null && ending > today ? `${name} (so far)` : name;
}

const EVENT_NOUNS: Record<HistoryEvent['type'], [string, string]> = {
  SESSION_COMPLETED: ['coaching session completed', 'coaching sessions completed'],
  PIP_STARTED: ['improvement plan started', 'improvement plans started'],
  PIP_ENDED: ['improvement plan ended', 'improvement plans ended'],
  ACTION_ITEM_COMPLETED: ['action item completed', 'action items completed'],
};

export function eventsOf(rows: readonly HistoryRow[]): HistoryEvent[] {
  return rows.flatMap((r) => r.annotations?.events ?? []);
}

/** The history chart in words. `rows` oldest first. */
export function describeHistory(type: PeriodType, rows: readonly HistoryRow[]): string {
  const noun = periodNoun(type);
  const scored = rows.filter((r) => r.avg_composite_score !== null);
  if (scored.length === 0) return `No composite average in these ${noun}s.`;
  let low = scored[0] as HistoryRow;
  let high = low;
  for (const r of scored) {
    if ((r.avg_composite_score ?? 0) < (low.avg_composite_score ?? 0)) low = r;
    if ((r.avg_composite_score ?? 0) > (high.avg_composite_score ?? 0)) high = r;
  }
  const last = scored[scored.length - 1] as HistoryRow;
  const parts = [
    `Composite average by ${noun}, ${plural(rows.length, noun)}.`,
    `Lowest ${formatScore(low.avg_composite_score)} (${periodName(type, low.period_ending)}), highest ${formatScore(
      high.avg_composite_score,
    )} (${periodName(type, high.period_ending)}), latest ${formatScore(last.avg_composite_score)}.`,
  ];
  const counts = new Map<HistoryEvent['type'], number>();
  for (const e of eventsOf(rows)) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  if (counts.size > 0) {
    const list = [...counts].map(([t, n]) => {
      const [one, many] = EVENT_NOUNS[t] ?? [t, t];
      return plural(n, one, many);
    });
    parts.push(`Events marked: ${list.join(', ')}.`);
  }
  return parts.join(' ');
}
