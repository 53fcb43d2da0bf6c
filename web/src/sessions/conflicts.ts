// What a 409 from scheduling or rescheduling says. The server names each overlapping session
// in a sentence of error.details (field scheduled_date):
//   "overlaps the session with <agent> at <YYYY-MM-DD HH:MM:SS+00> (<whose calendar>; session <id>)"
// A sentence this page cannot read is still shown, as the server wrote it.
import type { ApiError } from '../api/client';

export interface CalendarConflict {
  /** The server's sentence. */
  message: string;
  agentName: string | null;
  /** The other session's start (an instant), when readable. */
  at: string | null;
  /** "the team leader's calendar", "the agent's calendar", "both calendars". */
  whose: string | null;
  sessionId: string | null;
}

const SENTENCE = /^overlaps the session with (.+) at (.+?) \((.+); session ([0-9a-fA-F-]{36})\)$/;
const DB_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** An instant as PostgreSQL prints it ("2026-12-13 17:00:00+00") in ISO 8601, or null. */
export function parseServerTime(text: string): string | null {
  const m = DB_TIME.exec(text.trim());
  if (!m) return null;
  let zone = m[3] ?? 'Z';
  if (/^[+-]\d{2}$/.test(zone)) zone = `${zone}:00`;
  else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const iso = `${m[1]}T${m[2]}${zone}`;
  return Number.isNaN(new Date(iso).getTime()) ? null : iso;
}

export function parseConflict(message: string): CalendarConflict {
  const m = SENTENCE.exec(message.trim());
  if (!m) return { message, agentName: null, at: null, whose: null, sessionId: null };
  return {
    message,
    agentName: m[1] ?? null,
    at: parseServerTime(m[2] ?? ''),
    whose: m[3] ?? null,
    sessionId: m[4] ?? null,
  };
}

/** The calendar overlaps a 409 names; null when the error is not about overlapping sessions. */
export function overlapConflicts(error: ApiError | null | undefined): CalendarConflict[] | null {
  if (!error || error.status !== 409) return null;
  const details = error.details.filter((d) => d.field === 'scheduled_date');
  if (details.length === 0) return null;
  return details.map((d) => parseConflict(d.message));
}

/** Whether a 409 is a stale write (If-Match named an older version). */
export function isStaleWrite(error: ApiError | null | undefined): boolean {
  return (
    !!error &&
    error.status === 409 &&
    (error.details.some((d) => d.field === 'If-Match') || currentOf(error) !== null)
  );
}

/** The session as it is now, from a stale write's 409 (error.current). */
export function currentOf(error: ApiError): unknown {
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const e = (body as { error: unknown }).error;
  if (typeof e !== 'object' || e === null || !('current' in e)) return null;
  return (e as { current: unknown }).current ?? null;
}
