// Calendar dates ("2026-12-06", the organisation's days) for people, and date arithmetic.
const DAY_MS = 24 * 60 * 60 * 1000;
// Spelled out here: Intl's short months differ between ICU versions ("Sep", "Sept").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parse(date: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "6 Dec 2026"; the text itself when it is not a date. */
export function formatDay(date: string): string {
  const d = parse(date);
  return d ? `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : date;
}

/** The date `days` after `date` (negative: before), as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const d = parse(date);
  if (!d) return date;
  return new Date(d.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today on this device, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
