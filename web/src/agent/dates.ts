// Calendar dates ("YYYY-MM-DD") as whole days since 1970-01-01 (UTC), so arithmetic never
// meets a daylight-saving change.

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Seconds since the epoch at the day's UTC midnight (uPlot's x values). */
export function daySeconds(iso: string): number {
  return dayNumber(iso) * 86_400;
}
