import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ApiError } from '../api/client';
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
import { currentOf } from './conflicts';
import { NotesAutosave } from './notesAutosave';
import { sessionKeys } from './queryKeys';
import {
  acknowledgeSession,
  cancelSession,
  completeSession,
  createSession,
  getSession,
  listAllSessions,
  listSessions,
  markNoShow,
  patchSession,
  prepareSession,
  startSession,
  type VersionedSession,
} from './sessionsApi';

export function useSession(id: string) {
  return useQuery<VersionedSession, ApiError>({
    queryKey: sessionKeys.detail(id),
    queryFn: ({ signal }) => getSession(id, signal),
    enabled: id !== '',
  });
}

/** Every session of one week (from/to: RFC 3339), optionally of one status. */
export function useWeekSessions(from: string, to: string, status: SessionStatus | null) {
  return useQuery<CoachingSession[], ApiError>({
    queryKey: sessionKeys.week(from, to, status),
    queryFn: ({ signal }) =>
      listAllSessions({ from, to, order: 'asc', ...(status ? { status } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
}

export const MY_SESSIONS_PAGE_SIZE = 20;

/** The signed-in agent's sessions from `at` on (upcoming) or before it (past), a page at a time. */
export function useMySessions(when: 'upcoming' | 'past', at: string) {
  return useInfiniteQuery<
    CoachingSessionPage,
    ApiError,
    InfiniteData<CoachingSessionPage>,
    ReturnType<typeof sessionKeys.mine>,
    string | null
  >({
    queryKey: sessionKeys.mine(when, at),
    queryFn: ({ pageParam, signal }) =>
      listSessions(
        when === 'upcoming'
          ? { from: at, order: 'asc', limit: MY_SESSIONS_PAGE_SIZE }
          : { to: at, order: 'desc', limit: MY_SESSIONS_PAGE_SIZE },
        pageParam,
        signal,
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/**
 * A session changed: its page shows the new version at once; lists (the week, the agent's
 * own) are fetched again when next shown.
 */
export function afterSessionChange(client: QueryClient, changed: VersionedSession) {
  client.setQueryData(sessionKeys.detail(changed.session.id), changed);
  return client.invalidateQueries({ queryKey: sessionKeys.lists() });
}

/**
 * A refusal may mean the session moved on meanwhile (409) or went away (404): show the version
 * a stale write's 409 carries, else load it again.
 */
function reloadAfterRefusal(client: QueryClient, id: string, error: ApiError) {
  const current = error.status === 409 ? currentOf(error) : null;
  if (current && typeof current === 'object') {
    const session = current as CoachingSession;
    client.setQueryData<VersionedSession>(sessionKeys.detail(id), {
      session,
      etag: error.etag ?? `"${session.version}"`,
    });
  } else if (error.status === 409 || error.status === 404) {
    void client.invalidateQueries({ queryKey: sessionKeys.detail(id) });
  }
}

function useSessionMutation<T>(id: string, run: (variables: T) => Promise<VersionedSession>) {
  const client = useQueryClient();
  return useMutation<VersionedSession, ApiError, T>({
    mutationFn: run,
    onSuccess: (changed) => afterSessionChange(client, changed),
    onError: (error) => reloadAfterRefusal(client, id, error),
  });
}

export function useCreateSession() {
  const client = useQueryClient();
  return useMutation<VersionedSession, ApiError, CoachingSessionCreate>({
    mutationFn: createSession,
    onSuccess: (created) => afterSessionChange(client, created),
  });
}

export function useStartSession(id: string) {
  return useSessionMutation<void>(id, () => startSession(id));
}

export function useCancelSession(id: string) {
  return useSessionMutation<string>(id, (reason) => cancelSession(id, reason));
}

export function useMarkNoShow(id: string) {
  return useSessionMutation<string>(id, (reason) => markNoShow(id, reason));
}

export function useCompleteSession(id: string) {
  return useSessionMutation<CoachingSessionCompletion>(id, (body) => completeSession(id, body));
}

export function useAcknowledgeSession(id: string) {
  return useSessionMutation<SessionAcknowledgement>(id, (body) => acknowledgeSession(id, body));
}

/**
 * A new prep: the session is loaded again (its version moved, and the live notes take the new
 * ETag), the mutation pending until it has been; lists are fetched again when next shown.
 */
export function usePrepareSession(id: string) {
  const client = useQueryClient();
  return useMutation<SessionPrep, ApiError, void>({
    mutationFn: () => prepareSession(id),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: sessionKeys.detail(id) }),
        client.invalidateQueries({ queryKey: sessionKeys.lists() }),
      ]),
    onError: (error) => reloadAfterRefusal(client, id, error),
  });
}

/** A reschedule: PATCH with If-Match of the version on screen. A stale one is not retried. */
export function useReschedule(id: string) {
  const client = useQueryClient();
  return useMutation<
    VersionedSession,
    ApiError,
    { patch: CoachingSessionPatch; etag: string }
  >({
    mutationFn: ({ patch, etag }) => patchSession(id, patch, etag),
    onSuccess: (changed) => afterSessionChange(client, changed),
    onError: (error) => reloadAfterRefusal(client, id, error),
  });
}

/**
 * The live notes of the session on screen, autosaved (NotesAutosave). The controller lives as
 * long as the component; a newer version the page loads is offered to it.
 */
export function useNotesAutosave(current: VersionedSession, delayMs?: number) {
  const client = useQueryClient();
  const id = current.session.id;
  const [controller] = useState(
    () =>
      new NotesAutosave(current, (patch, etag) => patchSession(id, patch, etag), {
        ...(delayMs !== undefined ? { delayMs } : {}),
        onVersion: (version) => void afterSessionChange(client, version),
        onRefused: () => void client.invalidateQueries({ queryKey: sessionKeys.detail(id) }),
      }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);

  useEffect(() => controller.receive(current), [controller, current]);
  // Leaving the page sends what waits for the pause.
  useEffect(() => () => controller.leave(), [controller]);

  // Closing the tab with notes not saved asks first.
  const unsaved = state.phase !== 'idle' && state.phase !== 'saved';
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  return { state, controller };
}
