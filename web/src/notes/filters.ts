// The notes list's filters, kept in the address (/notes?addressed=false&overdue=true&…): a
// filtered list is a link (the manager's home links to the late notes).
import type { NotePriority, NoteType } from '../api/types';
import { isNoteType, isPriority } from './labels';
import type { NoteListQuery } from './notesApi';

export interface NoteFilters {
  /** '' = open and addressed alike. */
  addressed: '' | 'true' | 'false';
  /** Only open notes past their deadline. */
  overdue: boolean;
  noteType: NoteType | '';
  priority: NotePriority | '';
  agentId: string;
}

export const NO_NOTE_FILTERS: NoteFilters = {
  addressed: '',
  overdue: false,
  noteType: '',
  priority: '',
  agentId: '',
};

/** The filters an address names; values it does not know are left out. */
export function noteFiltersFromSearch(search: URLSearchParams): NoteFilters {
  const addressed = search.get('addressed');
  const type = search.get('note_type') ?? '';
  const priority = search.get('priority') ?? '';
  const agentId = (search.get('agent_id') ?? '').trim();
  return {
    addressed: addressed === 'true' || addressed === 'false' ? addressed : '',
    overdue: search.get('overdue') === 'true',
    noteType: isNoteType(type) ? type : '',
    priority: isPriority(priority) ? priority : '',
    agentId,
  };
}

export function searchFromNoteFilters(filters: NoteFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.addressed) search.set('addressed', filters.addressed);
  if (filters.overdue) search.set('overdue', 'true');
  if (filters.noteType) search.set('note_type', filters.noteType);
  if (filters.priority) search.set('priority', filters.priority);
  if (filters.agentId) search.set('agent_id', filters.agentId);
  return search;
}

/** The API query of the filters (a page of `limit`). */
export function noteQueryFromFilters(filters: NoteFilters, limit: number): NoteListQuery {
  const query: NoteListQuery = { limit };
  if (filters.addressed) query.addressed = filters.addressed === 'true';
  if (filters.overdue) query.overdue = true;
  if (filters.noteType) query.note_type = filters.noteType;
  if (filters.priority) query.priority = filters.priority;
  if (filters.agentId) query.agent_id = filters.agentId;
  return query;
}

export function hasNoteFilters(filters: NoteFilters): boolean {
  return searchFromNoteFilters(filters).toString() !== '';
}
