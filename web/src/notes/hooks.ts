import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { QuickNote, QuickNoteAddressing, QuickNotePage, User } from '../api/types';
import { keepAgents, keptAgents, type KeptAgent } from '../auth/deviceCopy';
import { addressNote, listNotes, listWritableAgents, type NoteListQuery } from './notesApi';
import { noteKeys } from './queryKeys';

/** An agent as the quick note form shows it. */
export type WritableAgent = KeptAgent;

/**
 * The agents `me` may write notes about (few for a team leader; everyone for an admin). Kept
 * on the device (auth/deviceCopy.ts) when loaded, so that a page opened offline can still
 * write notes; the kept list is used only while the browser is offline, until the server
 * answers again.
 */
export function useWritableAgents(me: User) {
  return useQuery<WritableAgent[], ApiError>({
    queryKey: noteKeys.writableAgents(me.id),
    queryFn: async ({ signal }) => {
      const agents: WritableAgent[] = (await listWritableAgents(me, signal)).map(
        ({ id, name, email, employee_id }) => ({ id, name, email, employee_id }),
      );
      keepAgents(me.id, agents);
      return agents;
    },
    // The form keeps working offline on what it has.
    staleTime: 5 * 60_000,
    initialData: () => (navigator.onLine ? undefined : (keptAgents(me.id) ?? undefined)),
    // Older than any answer: the server is asked as soon as the network returns.
    initialDataUpdatedAt: 0,
  });
}

/** How many of the latest notes tell whom the writer wrote about lately. */
const RECENT_NOTES = 100;

/**
 * The agents `me` wrote notes about lately, most recent first. A note without a writer
 * (written before the API recorded one: imports, the demo) counts as its team leader's.
 */
export function useRecentAgentIds(me: User) {
  return useQuery<string[], ApiError>({
    queryKey: noteKeys.recentAgents(me.id),
    queryFn: async ({ signal }) => {
      const page = await listNotes(
        {
          limit: RECENT_NOTES,
          ...(me.role === 'TEAM_LEADER' ? { team_leader_id: me.id } : {}),
        },
        null,
        signal,
      );
      const ids: string[] = [];
      const wrote = (note: QuickNote) =>
        note.created_by === me.id || (note.created_by === null && note.team_leader_id === me.id);
      for (const note of page.items)
        if (wrote(note) && !ids.includes(note.agent_id)) ids.push(note.agent_id);
      return ids;
    },
    staleTime: 5 * 60_000,
  });
}

/** Notes matching `query`, newest first, a page at a time ("Load more"). */
export function useNotes(query: NoteListQuery, enabled = true) {
  return useInfiniteQuery<
    QuickNotePage,
    ApiError,
    InfiniteData<QuickNotePage>,
    ReturnType<typeof noteKeys.list>,
    string | null
  >({
    queryKey: noteKeys.list(query),
    queryFn: ({ pageParam, signal }) => listNotes(query, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The largest page the API gives, and how many of them the late notes are read in at most. */
const OVERDUE_PAGE = 500;
export const OVERDUE_MAX = OVERDUE_PAGE * 10;

export interface OverdueNotes {
  notes: QuickNote[];
  /** More than OVERDUE_MAX are late: `notes` are the most recent of them. */
  truncated: boolean;
}

/**
 * Every open note past its deadline (the API has no count: the pages are read whole, up to
 * OVERDUE_MAX notes).
 */
export function useOverdueNotes() {
  return useQuery<OverdueNotes, ApiError>({
    queryKey: noteKeys.overdue(),
    queryFn: async ({ signal }) => {
      const notes: QuickNote[] = [];
      let cursor: string | null = null;
      while (notes.length < OVERDUE_MAX) {
        const page: QuickNotePage = await listNotes({ overdue: true, limit: OVERDUE_PAGE }, cursor, signal);
        notes.push(...page.items);
        cursor = page.next_cursor;
        if (!cursor) return { notes, truncated: false };
      }
      return { notes, truncated: true };
    },
  });
}

export function useAddressNote() {
  const client = useQueryClient();
  return useMutation<QuickNote, ApiError, { id: string; body: QuickNoteAddressing }>({
    mutationFn: ({ id, body }) => addressNote(id, body),
    // Addressed (or found addressed already: 409): every list of notes is out of date.
    onSettled: () => client.invalidateQueries({ queryKey: noteKeys.lists() }),
  });
}
