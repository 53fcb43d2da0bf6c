import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { User } from '../api/types';
import { meKey } from '../auth/queryKeys';
import { browserOutboxDeps, Outbox, type OutboxSnapshot } from './outbox';
import { noteKeys } from './queryKeys';

// One outbox per tab, alive for the app's lifetime: once a notes page has opened it, notes
// still waiting are sent when the network returns, whatever page is showing then.
let shared: Outbox | null = null;
let listening = false;

export function sharedOutbox(): Outbox {
  return (shared ??= new Outbox(browserOutboxDeps()));
}

/** Tests: start again with `next` (or a new browser outbox on next use). */
export function replaceSharedOutbox(next: Outbox | null): void {
  shared?.dispose();
  shared = next;
}

function listenForTheNetwork(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('online', () => void sharedOutbox().flush());
}

/** The signed-in writer's outbox: kept notes are read and the waiting ones sent on mount. */
export function useOutbox(user: User): { outbox: Outbox; snapshot: OutboxSnapshot } {
  const outbox = sharedOutbox();
  const queryClient = useQueryClient();
  useEffect(() => {
    outbox.bindSession(() => queryClient.getQueryData<User | null>(meKey)?.id ?? null);
    listenForTheNetwork();
    void outbox.open(user.id);
  }, [outbox, queryClient, user.id]);
  // A note sent is in the lists now.
  useEffect(
    () => outbox.onSent(() => void queryClient.invalidateQueries({ queryKey: noteKeys.lists() })),
    [outbox, queryClient],
  );
  const snapshot = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return { outbox, snapshot };
}

function subscribeToNetwork(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

/** Whether the browser says it is online (navigator.onLine, kept up to date). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeToNetwork, () => navigator.onLine);
}
