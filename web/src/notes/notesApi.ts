// The quick-notes API (src/notes/api.json on the server). A create carries an Idempotency-Key:
// the same key again returns the first note (201, Idempotent-Replayed: true), so a note the
// offline queue sends twice is written once.
import { api, ok } from '../api/client';
import type {
  NotePriority,
  NoteType,
  QuickNote,
  QuickNoteAddressing,
  QuickNoteCreate,
  QuickNotePage,
  User,
  UserPage,
} from '../api/types';

export interface NoteListQuery {
  agent_id?: string;
  team_leader_id?: string;
  addressed?: boolean;
  overdue?: boolean;
  note_type?: NoteType;
  priority?: NotePriority;
  limit?: number;
}

export function listNotes(
  query: NoteListQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<QuickNotePage> {
  return ok(
    api.GET('/api/v1/quick-notes', {
      params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export interface CreatedNote {
  note: QuickNote;
  /** The server had this key's note already (an earlier send whose answer was lost). */
  replayed: boolean;
}

/** Writes a note once: `key` is the Idempotency-Key chosen when the note was written. */
export async function createNote(body: QuickNoteCreate, key: string): Promise<CreatedNote> {
  const { data, response } = await api.POST('/api/v1/quick-notes', {
    params: { header: { 'Idempotency-Key': key } },
    body,
  });
  return {
    note: data as QuickNote,
    replayed: response.headers.get('Idempotent-Replayed') === 'true',
  };
}

export function addressNote(id: string, body: QuickNoteAddressing): Promise<QuickNote> {
  return ok(api.POST('/api/v1/quick-notes/{id}/address', { params: { path: { id } }, body }));
}

/** The API's largest page: the agents a note may be about are read in pages of this size. */
const AGENT_PAGE_SIZE = 500;
const AGENT_MAX_PAGES = 10;

/**
 * The agents the caller may write notes about: a team leader's own agents
 * (team_leader_id = the caller), every agent for an admin. Those who left are left out (the
 * server refuses notes about them).
 */
export async function listWritableAgents(me: User, signal?: AbortSignal): Promise<User[]> {
  const agents: User[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < AGENT_MAX_PAGES; i++) {
    const page: UserPage = await ok(
      api.GET('/api/v1/users', {
        params: {
          query: {
            role: 'AGENT',
            limit: AGENT_PAGE_SIZE,
            ...(me.role === 'TEAM_LEADER' ? { team_leader_id: me.id } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
        signal,
      }),
    );
    agents.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return agents.filter((a) => a.status !== 'TERMINATED' && a.deleted_at === null);
}
