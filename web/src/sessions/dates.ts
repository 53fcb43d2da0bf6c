// Session times. The server stores instants; people pick a date and a time on their own
// clock: a local date and time becomes RFC 3339 with the browser's offset for that moment
// (daylight saving included), and weeks run Monday to Sunday on the browser's calendar.
import { addDays, dayNumber } from '../agent/dates';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** YYYY-MM-DD of a Date on the browser's calendar. */
export function localIsoDate(date: Date): string {
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** HH:MM of a Date on the browser's clock. */
export function localTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A Date's moment as RFC 3339 with the browser's offset then ("2026-12-07T09:30:00+01:00"). */
export function toRfc3339(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${localIsoDate(date)}T${localTime(date)}:${pad(date.getSeconds())}${zone}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** The local Date of a date (YYYY-MM-DD) and time (HH:MM), or null when either is not one. */
export function localDateTime(date: string, time = '00:00'): Date | null {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [h, min] = [Number(t[1]), Number(t[2])];
  if (m < 1 || m > 12 || day < 1 || day > 31 || h > 23 || min > 59) return null;
  const result = new Date(y, m - 1, day, h, min);
  // 31 February rolls over into March: not a date.
  if (result.getMonth() !== m - 1 || result.getDate() !== day) return null;
  return result;
}

/** RFC 3339 of a local date and time, or null. */
export function localToRfc3339(date: string, time: string): string | null {
  const d = localDateTime(date, time);
  return d ? toRfc3339(d) : null;
}

/** The Monday (YYYY-MM-DD) of the week holding `date` (a calendar date). */
export function mondayOf(date: string): string {
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return addDays(date, -weekday);
}

/** This week's Monday on the browser's calendar. */
export function thisMonday(now: Date = new Date()): string {
  return mondayOf(localIsoDate(now));
}

/** The week a `?week=` parameter names (any date in it), else null. */
export function parseWeek(value: string | null): string | null {
  if (!value || !localDateTime(value)) return null;
  return mondayOf(value);
}

/** The seven dates of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The week's bounds for the API: Monday 00:00 to the next Monday 00:00, local time. */
export function weekRange(monday: string): { from: string; to: string } {
  const start = localDateTime(monday) ?? new Date(monday);
  const end = localDateTime(addDays(monday, 7)) ?? new Date(addDays(monday, 7));
  return { from: toRfc3339(start), to: toRfc3339(end) };
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function localDayOf(instant: string): string {
  return localIsoDate(new Date(instant));
}

/** Minutes since local midnight of an instant. */
export function minutesIntoDay(instant: string): number {
  const d = new Date(instant);
  return d.getHours() * 60 + d.getMinutes();
}

export function addMinutes(instant: string, minutes: number): Date {
  return new Date(new Date(instant).getTime() + minutes * 60_000);
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY_HEADING = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});
const DAY_SHORT = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const DATE_LONG = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const CALENDAR_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

function valid(date: Date): boolean {
  return !Number.isNaN(date.getTime());
}

/** "09:30" (the browser's clock and convention). */
export function formatTime(instant: string | Date): string {
  const d = new Date(instant);
  return valid(d) ? TIME.format(d) : String(instant);
}

/** "09:30–10:00". */
export function formatTimeRange(instant: string, minutes: number): string {
  return `${formatTime(instant)}–${formatTime(addMinutes(instant, minutes))}`;
}

/** "Monday, 7 December" for a calendar date. */
export function formatDayHeading(date: string, short = false): string {
  const d = localDateTime(date);
  if (!d) return date;
  return (short ? DAY_SHORT : DAY_HEADING).format(d);
}

/** "Monday, 7 December 2026" for an instant, on the browser's calendar. */
export function formatLongDate(instant: string): string {
  const d = new Date(instant);
  return valid(d) ? DATE_LONG.format(d) : instant;
}

/** "7 Dec 2026, 09:30". */
export function formatDateTime(instant: string): string {
  const d = new Date(instant);
  return valid(d) ? DATE_TIME.format(d) : instant;
}

/** A calendar date (YYYY-MM-DD, no zone) as "7 Dec 2026". */
export function formatCalendarDate(date: string): string {
  const m = DATE_RE.exec(date.slice(0, 10));
  if (!m) return date;
  return CALENDAR_DATE.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** "30 minutes", "1 hour", "1 hour 30 minutes". */
export function formatMinutes(minutes: number): string {
  const h = Math.trunc(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m > 0 || h === 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}
