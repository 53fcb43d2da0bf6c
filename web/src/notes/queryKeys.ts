import type { NoteListQuery } from './notesApi';

/** TanStack Query keys of quick notes (GET /api/v1/quick-notes) and the note form's agents. */
export const noteKeys = {
  all: ['quick-notes'] as const,
  lists: () => [...noteKeys.all, 'list'] as const,
  /** A filtered list, paged with next_cursor. */
  list: (query: NoteListQuery) => [...noteKeys.lists(), query] as const,
  /** Open notes past their deadline (the manager's home). */
  overdue: () => [...noteKeys.lists(), 'overdue'] as const,
  /** The agents `userId` may write about (the note form's picker). */
  writableAgents: (userId: string) => [...noteKeys.all, 'writable-agents', userId] as const,
  /** The agents `userId` wrote about lately, most recent first. */
  recentAgents: (userId: string) => [...noteKeys.lists(), 'recent-agents', userId] as const,
};
