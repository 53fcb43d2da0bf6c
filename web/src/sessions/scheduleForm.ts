// The schedule and reschedule forms as data: what is typed, its checks (the server's limits,
// src/sessions/session_input.cpp) and the request bodies.
import { addDays } from '../agent/dates';
import type { ApiError } from '../api/client';
import type { CoachingSessionCreate, CoachingSessionPatch, SessionType } from '../api/types';
import { localDateTime, localIsoDate, localTime, toRfc3339 } from './dates';
import { topicsOf } from './notesAutosave';

export const MIN_MINUTES = 5;
export const MAX_MINUTES = 480;
export const MAX_TOPICS = 20;
export const MAX_TOPIC_LENGTH = 200;

/** When: a local date, a local time and a length in minutes, as typed. */
export interface WhenDraft {
  date: string;
  time: string;
  minutes: string;
}

export interface ScheduleDraft extends WhenDraft {
  agentId: string;
  type: SessionType;
  /** One per line. */
  topics: string;
}

export type ScheduleField = 'agent' | 'date' | 'time' | 'minutes' | 'type' | 'topics';
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** Tomorrow at 09:00 for 30 minutes. */
export function defaultWhen(now: Date = new Date()): WhenDraft {
  return { date: addDays(localIsoDate(now), 1), time: '09:00', minutes: '30' };
}

export function whenOf(scheduledDate: string, minutes: number): WhenDraft {
  const d = new Date(scheduledDate);
  return { date: localIsoDate(d), time: localTime(d), minutes: String(minutes) };
}

export function emptySchedule(agentId: string, now: Date = new Date()): ScheduleDraft {
  return { agentId, type: 'REGULAR', topics: '', ...defaultWhen(now) };
}

function minutesOf(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number.parseInt(t, 10);
  return n >= MIN_MINUTES && n <= MAX_MINUTES ? n : null;
}

export function validateWhen(draft: WhenDraft): FieldErrors<'date' | 'time' | 'minutes'> {
  const errors: FieldErrors<'date' | 'time' | 'minutes'> = {};
  if (draft.date.trim() === '') errors.date = 'is required';
  else if (!localDateTime(draft.date)) errors.date = 'must be a date';
  if (draft.time.trim() === '') errors.time = 'is required';
  else if (!localDateTime('2000-01-01', draft.time)) errors.time = 'must be a time (HH:MM)';
  if (minutesOf(draft.minutes) === null)
    errors.minutes = `must be a whole number of minutes from ${MIN_MINUTES} to ${MAX_MINUTES}`;
  return errors;
}

export function validateSchedule(draft: ScheduleDraft): FieldErrors<ScheduleField> {
  const errors: FieldErrors<ScheduleField> = { ...validateWhen(draft) };
  if (draft.agentId === '') errors.agent = 'is required: choose an agent';
  const topics = topicsOf(draft.topics);
  if (topics.length > MAX_TOPICS) errors.topics = `can hold at most ${MAX_TOPICS} topics`;
  else if (topics.some((t) => t.length > MAX_TOPIC_LENGTH))
    errors.topics = `must each be at most ${MAX_TOPIC_LENGTH} characters`;
  return errors;
}

/** The moment and length of a valid WhenDraft. */
export function whenBody(draft: WhenDraft): { scheduled_date: string; planned_minutes: number } | null {
  const at = localDateTime(draft.date, draft.time);
  const minutes = minutesOf(draft.minutes);
  if (!at || minutes === null) return null;
  return { scheduled_date: toRfc3339(at), planned_minutes: minutes };
}

export function createBody(draft: ScheduleDraft, allowOverlap = false): CoachingSessionCreate | null {
  const when = whenBody(draft);
  if (!when || draft.agentId === '') return null;
  const topics = topicsOf(draft.topics);
  return {
    agent_id: draft.agentId,
    ...when,
    session_type: draft.type,
    ...(topics.length > 0 ? { topics_covered: topics } : {}),
    ...(allowOverlap ? { allow_overlap: true } : {}),
  };
}

export function rescheduleBody(draft: WhenDraft, allowOverlap = false): CoachingSessionPatch | null {
  const when = whenBody(draft);
  if (!when) return null;
  return { ...when, ...(allowOverlap ? { allow_overlap: true } : {}) };
}

/** The server's field errors (422) under the form's own names. An overlap (409) is not one. */
export function serverFieldErrors(error: ApiError | null | undefined): FieldErrors<ScheduleField> {
  const errors: FieldErrors<ScheduleField> = {};
  if (!error || error.status !== 422) return errors;
  const fields: Record<string, ScheduleField> = {
    agent_id: 'agent',
    scheduled_date: 'date',
    planned_minutes: 'minutes',
    session_type: 'type',
    topics_covered: 'topics',
  };
  for (const d of error.details) {
    const field = fields[d.field.replace(/\[\d+\]$/, '')];
    if (field) errors[field] ??= d.message;
  }
  return errors;
}
