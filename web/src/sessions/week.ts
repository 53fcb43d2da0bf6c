// A week of sessions laid out: by local day, and in the calendar grid by time (hour rows, a
// lane per overlap).
import type { CoachingSession } from '../api/types';
import { localDayOf, minutesIntoDay } from './dates';

/** The week's sessions by local day (YYYY-MM-DD), each day in time order. */
export function byDay(sessions: readonly CoachingSession[], days: readonly string[]): Map<string, CoachingSession[]> {
  const map = new Map<string, CoachingSession[]>(days.map((d) => [d, []]));
  for (const s of sessions) map.get(localDayOf(s.scheduled_date))?.push(s);
  for (const list of map.values())
    list.sort((a, b) => a.scheduled_date.localeCompare(b.scheduled_date) || a.id.localeCompare(b.id));
  return map;
}

export interface PlacedSession {
  session: CoachingSession;
  /** Minutes since local midnight, and the end (clamped to the day). */
  start: number;
  end: number;
  lane: number;
}

export interface DayLayout {
  placed: PlacedSession[];
  lanes: number;
}

const DAY_MINUTES = 24 * 60;

/** Sessions of one day placed in lanes: overlapping ones side by side. */
export function layDay(sessions: readonly CoachingSession[]): DayLayout {
  const laneEnds: number[] = [];
  const placed: PlacedSession[] = [];
  for (const session of sessions) {
    const start = minutesIntoDay(session.scheduled_date);
    const end = Math.min(DAY_MINUTES, start + Math.max(session.planned_minutes, 1));
    let lane = laneEnds.findIndex((e) => e <= start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(end);
    } else {
      laneEnds[lane] = end;
    }
    placed.push({ session, start, end, lane });
  }
  return { placed, lanes: Math.max(1, laneEnds.length) };
}

/** The hours the grid shows: at least 08:00–18:00, widened to hold every session. */
export function hourRange(sessions: readonly CoachingSession[]): { first: number; last: number } {
  let first = 8;
  let last = 18;
  for (const s of sessions) {
    const start = minutesIntoDay(s.scheduled_date);
    const end = Math.min(DAY_MINUTES, start + s.planned_minutes);
    first = Math.min(first, Math.floor(start / 60));
    last = Math.max(last, Math.ceil(end / 60));
  }
  return { first, last };
}
