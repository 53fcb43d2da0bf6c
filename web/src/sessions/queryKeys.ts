import type { SessionStatus } from '../api/types';

/** TanStack Query keys of coaching sessions (GET /api/v1/coaching-sessions[/{id}]). */
export const sessionKeys = {
  all: ['coaching-sessions'] as const,
  lists: () => [...sessionKeys.all, 'list'] as const,
  /** One week of the calendar (from/to: RFC 3339), optionally of one status. */
  week: (from: string, to: string, status: SessionStatus | null) =>
    [...sessionKeys.lists(), 'week', from, to, status] as const,
  /** The agent's own sessions, upcoming (asc from `at`) or past (desc before `at`). */
  mine: (when: 'upcoming' | 'past', at: string) => [...sessionKeys.lists(), 'mine', when, at] as const,
  /** One session with its ETag. */
  detail: (id: string) => [...sessionKeys.all, 'detail', id] as const,
};
