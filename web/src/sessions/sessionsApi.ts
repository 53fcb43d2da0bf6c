// The coaching-sessions API (src/sessions/api.json on the server). A session read or written
// comes with its ETag: PATCH needs it back in If-Match (428 without; 409 when stale).
import { api, ok } from '../api/client';
import type {
  CoachingSession,
  CoachingSessionCompletion,
  CoachingSessionCreate,
  CoachingSessionPage,
  CoachingSessionPatch,
  SessionAcknowledgement,
  SessionPrep,
  SessionStatus,
} from '../api/types';

/** A session and the ETag of that version (`"<version>"`). */
export interface VersionedSession {
  session: CoachingSession;
  etag: string;
}

/** The ETag the server sent, else the one the body's version stands for. */
export function etagOf(response: Response, session: CoachingSession): string {
  return response.headers.get('ETag') ?? `"${session.version}"`;
}

async function versioned(
  call: Promise<{ data?: CoachingSession; response: Response }>,
): Promise<VersionedSession> {
  const { data, response } = await call;
  const session = data as CoachingSession;
  return { session, etag: etagOf(response, session) };
}

export interface SessionListQuery {
  agent_id?: string;
  team_leader_id?: string;
  status?: SessionStatus;
  /** RFC 3339 (or YYYY-MM-DD): scheduled at or after. */
  from?: string;
  /** RFC 3339 (or YYYY-MM-DD, then up to its end): scheduled before. */
  to?: string;
  order?: 'asc' | 'desc';
  limit?: number;
}

export function listSessions(
  query: SessionListQuery,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CoachingSessionPage> {
  return ok(
    api.GET('/api/v1/coaching-sessions', {
      params: { query: { ...query, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

/** The API's largest page; a week is read whole, page after page. */
const WEEK_PAGE_SIZE = 500;
/** A week stops after this many pages (5,000 sessions). */
const WEEK_MAX_PAGES = 10;

/** Every session matching `query` (a week of a calendar: few pages at most). */
export async function listAllSessions(
  query: SessionListQuery,
  signal?: AbortSignal,
): Promise<CoachingSession[]> {
  const sessions: CoachingSession[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < WEEK_MAX_PAGES; i++) {
    const page: CoachingSessionPage = await listSessions(
      { ...query, limit: WEEK_PAGE_SIZE },
      cursor,
      signal,
    );
    sessions.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return sessions;
}

export function getSession(id: string, signal?: AbortSignal): Promise<VersionedSession> {
  return versioned(api.GET('/api/v1/coaching-sessions/{id}', { params: { path: { id } }, signal }));
}

export function createSession(body: CoachingSessionCreate): Promise<VersionedSession> {
  return versioned(api.POST('/api/v1/coaching-sessions', { body }));
}

/** A change (content, or a reschedule) to the version `etag` names. */
export function patchSession(
  id: string,
  body: CoachingSessionPatch,
  etag: string,
): Promise<VersionedSession> {
  return versioned(
    api.PATCH('/api/v1/coaching-sessions/{id}', {
      params: { path: { id }, header: { 'If-Match': etag } },
      body,
    }),
  );
}

export function startSession(id: string): Promise<VersionedSession> {
  return versioned(api.POST('/api/v1/coaching-sessions/{id}/start', { params: { path: { id } } }));
}

export function completeSession(
  id: string,
  body: CoachingSessionCompletion,
): Promise<VersionedSession> {
  return versioned(
    api.POST('/api/v1/coaching-sessions/{id}/complete', { params: { path: { id } }, body }),
  );
}

export function cancelSession(id: string, reason: string): Promise<VersionedSession> {
  return versioned(
    api.POST('/api/v1/coaching-sessions/{id}/cancel', {
      params: { path: { id } },
      body: { reason },
    }),
  );
}

export function markNoShow(id: string, reason: string): Promise<VersionedSession> {
  return versioned(
    api.POST('/api/v1/coaching-sessions/{id}/no-show', {
      params: { path: { id } },
      body: { reason },
    }),
  );
}

export function acknowledgeSession(
  id: string,
  body: SessionAcknowledgement,
): Promise<VersionedSession> {
  return versioned(
    api.POST('/api/v1/coaching-sessions/{id}/acknowledge', { params: { path: { id } }, body }),
  );
}

/** Builds the session's prep from the figures of now (replacing the one before) and returns it. */
export function prepareSession(id: string): Promise<SessionPrep> {
  return ok(api.POST('/api/v1/coaching-sessions/{id}/prep', { params: { path: { id } } }));
}
