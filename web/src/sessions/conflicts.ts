// What a 409 from scheduling or rescheduling says: error.conflicts lists the sessions the new
// time overlaps (the server's error model, openapi.json); error.details says the same in words.
import type { ApiError } from '../api/client';
import type { components } from '../api/schema';

export type CalendarConflict = NonNullable<
  components['schemas']['Error']['error']['conflicts']
>[number];

/** Whose calendar has the other session, in words. */
export function whoseCalendar(conflict: CalendarConflict): string {
  if (conflict.calendar === 'both') return 'both calendars';
  return conflict.calendar === 'team_leader' ? "the team leader's calendar" : "the agent's calendar";
}

function errorObject(error: ApiError): Record<string, unknown> | null {
  const body = error.body;
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : null;
}

/** The calendar overlaps a 409 names; null when the error is not about overlapping sessions. */
export function overlapConflicts(error: ApiError | null | undefined): CalendarConflict[] | null {
  if (!error || error.status !== 409) return null;
  const listed = errorObject(error)?.['conflicts'];
  if (!Array.isArray(listed) || listed.length === 0) return null;
  return listed as CalendarConflict[];
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
  return errorObject(error)?.['current'] ?? null;
}
