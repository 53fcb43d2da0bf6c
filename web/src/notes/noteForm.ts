// The quick-note form's state, its checks, and the request it becomes.
import type { ApiError } from '../api/ApiError';
import type { NotePriority, NoteType, QuickNoteCreate } from '../api/types';

export const CONTENT_MAX = 5000;
export const ID_MAX = 100;

export interface NoteDraft {
  agentId: string | null;
  noteType: NoteType | null;
  content: string;
  /** '' = the type's priority. */
  priority: NotePriority | '';
  callId: string;
  customerId: string;
  followUp: boolean;
}

export function emptyDraft(agentId: string | null = null): NoteDraft {
  return {
    agentId,
    noteType: null,
    content: '',
    priority: '',
    callId: '',
    customerId: '',
    followUp: false,
  };
}

/** The form's fields, by the request field the server names in its errors. */
export type DraftField = 'agent_id' | 'note_type' | 'content' | 'priority' | 'call_id' | 'customer_id';
export type DraftErrors = Partial<Record<DraftField, string>>;

export const DRAFT_FIELDS: readonly DraftField[] = [
  'agent_id',
  'note_type',
  'content',
  'priority',
  'call_id',
  'customer_id',
];

/** The fields behind "More details" (opened when one of them has an error). */
export const DETAIL_FIELDS: readonly DraftField[] = ['priority', 'call_id', 'customer_id'];

/** What the form checks before sending (the server checks again). */
export function checkDraft(draft: NoteDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (!draft.agentId) errors.agent_id = 'Choose the agent the note is about.';
  if (!draft.noteType) errors.note_type = 'Choose the type of note.';
  if (draft.content.trim() === '') errors.content = 'Write the note.';
  else if (draft.content.length > CONTENT_MAX)
    errors.content = `The note is ${draft.content.length} characters; at most ${CONTENT_MAX}.`;
  if (draft.callId.trim().length > ID_MAX) errors.call_id = `At most ${ID_MAX} characters.`;
  if (draft.customerId.trim().length > ID_MAX) errors.customer_id = `At most ${ID_MAX} characters.`;
  return errors;
}

/** The create request of a checked draft (optional fields only when given). */
export function draftToBody(draft: NoteDraft): QuickNoteCreate {
  if (!draft.agentId || !draft.noteType) throw new Error('draftToBody() of an unchecked draft');
  const body: QuickNoteCreate = {
    agent_id: draft.agentId,
    note_type: draft.noteType,
    content: draft.content.trim(),
  };
  if (draft.priority) body.priority = draft.priority;
  if (draft.callId.trim()) body.call_id = draft.callId.trim();
  if (draft.customerId.trim()) body.customer_id = draft.customerId.trim();
  if (draft.followUp) body.requires_follow_up = true;
  return body;
}

/** A kept note back into the form (editing one the server refused). */
export function bodyToDraft(body: QuickNoteCreate): NoteDraft {
  return {
    agentId: body.agent_id,
    noteType: body.note_type,
    content: body.content,
    priority: body.priority ?? '',
    callId: body.call_id ?? '',
    customerId: body.customer_id ?? '',
    followUp: body.requires_follow_up ?? false,
  };
}

/** The server's field errors the form shows next to its fields; the rest in its alert. */
export function serverErrors(error: ApiError): { byField: DraftErrors; other: string[] } {
  const byField: DraftErrors = {};
  const other: string[] = [];
  for (const d of error.details) {
    if ((DRAFT_FIELDS as readonly string[]).includes(d.field))
      byField[d.field as DraftField] ??= d.message;
    else other.push(d.field ? `${d.field} ${d.message}` : d.message);
  }
  return { byField, other };
}
