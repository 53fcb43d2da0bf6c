// The completion form as data: the outcome, the effectiveness record (primary issue and
// intervention method) and the action items agreed on the spot; the server's limits from
// src/sessions/session_input.cpp.
import type { ApiError } from '../api/client';
import type { CoachingSessionCompletion } from '../api/types';
import { localDateTime } from './dates';
import type { InterventionMethod, Priority, PrimaryIssue } from './labels';
import { INTERVENTION_METHODS, PRIMARY_ISSUES } from './labels';
import { topicsOf } from './notesAutosave';
import type { FieldErrors } from './scheduleForm';

export const MAX_ACTION_ITEMS = 20;
const MAX_TEXT = 5000;
const MAX_TITLE = 255;
const MAX_TOPIC = 200;
const MAX_TOPICS = 20;

export interface ActionItemRow {
  /** React's key for the row (never sent). */
  key: string;
  title: string;
  dueDate: string;
  priority: Priority;
}

export interface CompleteDraft {
  summary: string;
  /** key_achievements */
  strengths: string;
  /** areas_of_concern */
  improve: string;
  /** follow_up_topics, one per line */
  followUpTopics: string;
  /** duration_minutes as typed; empty: from the start until now (the server's default) */
  duration: string;
  primaryIssue: PrimaryIssue | '';
  method: InterventionMethod | '';
  items: ActionItemRow[];
}

export type CompleteField =
  | 'summary'
  | 'strengths'
  | 'improve'
  | 'followUpTopics'
  | 'duration'
  | 'primaryIssue'
  | 'method'
  | 'items';
export type ItemField = 'title' | 'dueDate' | 'priority';

export interface CompleteErrors {
  fields: FieldErrors<CompleteField>;
  /** By row index. */
  items: Record<number, FieldErrors<ItemField>>;
}

let rowCount = 0;
export function newActionItem(): ActionItemRow {
  rowCount += 1;
  return { key: `item-${rowCount}`, title: '', dueDate: '', priority: 'MEDIUM' };
}

export function emptyCompletion(): CompleteDraft {
  return {
    summary: '',
    strengths: '',
    improve: '',
    followUpTopics: '',
    duration: '',
    primaryIssue: '',
    method: '',
    items: [],
  };
}

export function hasErrors(errors: CompleteErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.values(errors.items).some((e) => Object.keys(e).length > 0)
  );
}

function tooLong(text: string, max: number): string | undefined {
  return text.length > max ? `must be at most ${max} characters` : undefined;
}

export function validateCompletion(draft: CompleteDraft): CompleteErrors {
  const fields: FieldErrors<CompleteField> = {};
  const set = (field: CompleteField, message: string | undefined) => {
    if (message) fields[field] ??= message;
  };
  if (draft.summary.trim() === '') set('summary', 'is required: the agent reads it and acknowledges it');
  set('summary', tooLong(draft.summary, MAX_TEXT));
  set('strengths', tooLong(draft.strengths, MAX_TEXT));
  set('improve', tooLong(draft.improve, MAX_TEXT));
  const topics = topicsOf(draft.followUpTopics);
  if (topics.length > MAX_TOPICS) set('followUpTopics', `can hold at most ${MAX_TOPICS} topics`);
  if (topics.some((t) => t.length > MAX_TOPIC))
    set('followUpTopics', `must each be at most ${MAX_TOPIC} characters`);
  const duration = draft.duration.trim();
  if (duration !== '' && !(/^\d+$/.test(duration) && +duration >= 1 && +duration <= 480))
    set('duration', 'must be a whole number of minutes from 1 to 480');
  if (!draft.primaryIssue || !PRIMARY_ISSUES.includes(draft.primaryIssue))
    set('primaryIssue', 'is required');
  if (!draft.method || !INTERVENTION_METHODS.includes(draft.method)) set('method', 'is required');
  if (draft.items.length > MAX_ACTION_ITEMS)
    set('items', `can be at most ${MAX_ACTION_ITEMS} action items`);
  const items: Record<number, FieldErrors<ItemField>> = {};
  draft.items.forEach((item, i) => {
    const e: FieldErrors<ItemField> = {};
    if (item.title.trim() === '') e.title = 'is required';
    else if (item.title.trim().length > MAX_TITLE) e.title = `must be at most ${MAX_TITLE} characters`;
    if (item.dueDate === '') e.dueDate = 'is required';
    else if (!localDateTime(item.dueDate)) e.dueDate = 'must be a date';
    if (Object.keys(e).length > 0) items[i] = e;
  });
  return { fields, items };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

export function completionBody(draft: CompleteDraft): CoachingSessionCompletion | null {
  if (!draft.primaryIssue || !draft.method) return null;
  const followUp = topicsOf(draft.followUpTopics);
  const duration = draft.duration.trim();
  return {
    summary: draft.summary.trim(),
    key_achievements: orNull(draft.strengths),
    areas_of_concern: orNull(draft.improve),
    follow_up_topics: followUp.length > 0 ? followUp : null,
    follow_up_required: followUp.length > 0,
    primary_issue: draft.primaryIssue,
    intervention_method: draft.method,
    ...(duration !== '' ? { duration_minutes: Number.parseInt(duration, 10) } : {}),
    ...(draft.items.length > 0
      ? {
          action_items: draft.items.map((item) => ({
            title: item.title.trim(),
            due_date: item.dueDate,
            priority: item.priority,
          })),
        }
      : {}),
  };
}

const SERVER_FIELDS: Record<string, CompleteField> = {
  summary: 'summary',
  key_achievements: 'strengths',
  areas_of_concern: 'improve',
  follow_up_topics: 'followUpTopics',
  duration_minutes: 'duration',
  primary_issue: 'primaryIssue',
  intervention_method: 'method',
  action_items: 'items',
};

const SERVER_ITEM_FIELDS: Record<string, ItemField> = {
  title: 'title',
  due_date: 'dueDate',
  priority: 'priority',
};

/** The server's field errors (422) under the form's names; the rest stay in `other`. */
export function serverCompletionErrors(error: ApiError | null | undefined): CompleteErrors & {
  other: string[];
} {
  const result: CompleteErrors & { other: string[] } = { fields: {}, items: {}, other: [] };
  if (!error || error.status !== 422) return result;
  for (const d of error.details) {
    const item = /^action_items\[(\d+)\]\.(\w+)$/.exec(d.field);
    const itemField = item ? SERVER_ITEM_FIELDS[item[2] ?? ''] : undefined;
    if (item && itemField) {
      const i = Number(item[1]);
      result.items[i] = { ...result.items[i], [itemField]: result.items[i]?.[itemField] ?? d.message };
      continue;
    }
    const field = SERVER_FIELDS[d.field];
    if (field) result.fields[field] ??= d.message;
    else result.other.push(d.field ? `${d.field} ${d.message}` : d.message);
  }
  return result;
}
