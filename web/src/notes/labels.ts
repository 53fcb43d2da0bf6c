// Quick notes in words: types, priorities, and deadlines (docs/domain.md, "Quick notes": a
// note should be addressed within 48 hours (HIGH), 1 week (MEDIUM) or 2 weeks (LOW)).
import type { NotePriority, NoteType, QuickNote } from '../api/types';
import { humanizeEnum } from '../format/labels';

export interface NoteTypeInfo {
  type: NoteType;
  label: string;
  /** The priority the server gives it unless another is chosen (notes/rules.cpp). */
  priority: NotePriority;
}

/** In the order the note form offers them. */
export const NOTE_TYPES: readonly NoteTypeInfo[] = [
  { type: 'COACHING', label: 'Coaching', priority: 'MEDIUM' },
  { type: 'POSITIVE', label: 'Positive', priority: 'LOW' },
  { type: 'URGENT', label: 'Urgent', priority: 'HIGH' },
  { type: 'COMPLIANCE', label: 'Compliance', priority: 'HIGH' },
  { type: 'GENERAL', label: 'General', priority: 'LOW' },
];

export const PRIORITIES: readonly NotePriority[] = ['HIGH', 'MEDIUM', 'LOW'];

const PRIORITY_LABELS: Record<NotePriority, string> = {
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
};

/** How long a note of each priority has before it is past its deadline. */
const DEADLINE_WORDS: Record<NotePriority, string> = {
  HIGH: '48 hours',
  MEDIUM: '1 week',
  LOW: '2 weeks',
};

export function isNoteType(value: string): value is NoteType {
  return NOTE_TYPES.some((t) => t.type === value);
}

export function isPriority(value: string): value is NotePriority {
  return (PRIORITIES as readonly string[]).includes(value);
}

export function noteTypeLabel(type: string): string {
  return NOTE_TYPES.find((t) => t.type === type)?.label ?? humanizeEnum(type);
}

export function priorityLabel(priority: string): string {
  return isPriority(priority) ? PRIORITY_LABELS[priority] : humanizeEnum(priority);
}

/** The priority a type gets when none is chosen. */
export function defaultPriority(type: NoteType): NotePriority {
  return NOTE_TYPES.find((t) => t.type === type)?.priority ?? 'LOW';
}

/** "High priority, 48 hours": the priority and the time it gives to address the note. */
export function priorityRule(priority: NotePriority): string {
  return `${PRIORITY_LABELS[priority]} priority, ${DEADLINE_WORDS[priority]}`;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/** A span of time in words: "40 minutes", "5 hours", "3 days". */
export function spanWords(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < HOUR) return plural(Math.max(1, Math.round(abs / 60_000)), 'minute');
  if (abs < 2 * DAY) return plural(Math.round(abs / HOUR), 'hour');
  return plural(Math.floor(abs / DAY), 'day');
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "6 Dec 2026, 14:05" on this device's clock; the text itself when it is not a time. */
export function formatWhen(instant: string): string {
  const t = new Date(instant);
  return Number.isNaN(t.getTime()) ? instant : WHEN.format(t);
}

/** How late an open note is now ("3 days"), or null when it is not past its deadline. */
export function lateness(note: Pick<QuickNote, 'address_by' | 'addressed'>, now: number): string | null {
  if (note.addressed) return null;
  const late = now - new Date(note.address_by).getTime();
  return late > 0 ? spanWords(late) : null;
}

/**
 * The deadline in words: "Addressed", "Due in 5 hours", "3 days past its deadline". The
 * server's `overdue` decides whether it is late (its clock); the span is from this device's.
 */
export function deadlineWords(
  note: Pick<QuickNote, 'address_by' | 'addressed' | 'overdue'>,
  now: number,
): string {
  if (note.addressed) return 'Addressed';
  const left = new Date(note.address_by).getTime() - now;
  if (note.overdue || left <= 0) return `${spanWords(Math.min(left, -60_000))} past its deadline`;
  return `Due in ${spanWords(left)}`;
}
