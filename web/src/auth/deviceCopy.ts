// What the app keeps on this device so the quick note page opens without network: the
// signed-in user (their own /auth/me answer) and, once the page has loaded them online, the
// agents they may write about (id, name, email, employee id: what the picker shows and
// filters on). The service worker keeps only the app's files (src/sw/sw.ts); this is the one
// piece of account data kept for offline use, and it is bounded:
// - only for the roles that write quick notes (the page's roles, src/app/pages.ts);
// - in localStorage under one key, for the user the server last confirmed; another user
//   signing in replaces it whole;
// - removed on sign-out and whenever the server says there is no session (401);
// - not used once KEPT_FOR_MS has passed since the server last confirmed the user;
// - read only when the server cannot be reached; online, the server's answer is used.
// A note written from it is still sent with the session (the outbox sends only for its writer;
// a session that has ended means signing in again first).
import type { Role, User } from '../api/types';

const STORAGE_KEY = 'coach.offline';

/** The roles that write quick notes (PAGES.newNote.roles): only they are kept. */
export const OFFLINE_ROLES: readonly Role[] = ['ADMIN', 'TEAM_LEADER'];

/** How long the copy is used after the server last confirmed it: the default session lifetime. */
export const KEPT_FOR_MS = 7 * 24 * 60 * 60 * 1000;

/** An agent as the quick note page's picker needs it. */
export type KeptAgent = Pick<User, 'id' | 'name' | 'email' | 'employee_id'>;

interface Stored {
  v: 1;
  user: User;
  /** When the server last confirmed the user (ms since the epoch). */
  confirmedAt: number;
  agents?: KeptAgent[];
}

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

function read(): Stored | null {
  try {
    const text = storage()?.getItem(STORAGE_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Stored> | null;
    if (value?.v !== 1 || typeof value.user?.id !== 'string' || typeof value.confirmedAt !== 'number')
      return null;
    return value as Stored;
  } catch {
    return null;
  }
}

function write(value: Stored): void {
  try {
    storage()?.setItem(STORAGE_KEY, JSON.stringify(value));
  } catch {
    // Storage full or refused: the app works online as before.
  }
}

/** The server confirmed `user` is signed in: kept (with their agents if it is them again). */
export function keepSignedInUser(user: User, now: number = Date.now()): void {
  if (!OFFLINE_ROLES.includes(user.role)) {
    forgetDeviceCopy();
    return;
  }
  const old = read();
  const agents = old?.user.id === user.id ? old.agents : undefined;
  write({ v: 1, user, confirmedAt: now, ...(agents ? { agents } : {}) });
}

/** Signed out, or the session ended: nothing of the account stays on the device. */
export function forgetDeviceCopy(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept then.
  }
}

function current(now: number): Stored | null {
  const stored = read();
  if (!stored) return null;
  if (now - stored.confirmedAt > KEPT_FOR_MS || now < stored.confirmedAt - KEPT_FOR_MS) {
    forgetDeviceCopy();
    return null;
  }
  return stored;
}

/** The user last confirmed on this device, while the copy may be used. */
export function keptUser(now: number = Date.now()): User | null {
  return current(now)?.user ?? null;
}

/** Keeps the agents `userId` may write about, if `userId` is the kept user. */
export function keepAgents(userId: string, agents: readonly KeptAgent[]): void {
  const stored = read();
  if (stored?.user.id !== userId) return;
  const trimmed = agents.map(({ id, name, email, employee_id }) => ({ id, name, email, employee_id }));
  write({ ...stored, agents: trimmed });
}

/** The agents kept for `userId`, or null. */
export function keptAgents(userId: string, now: number = Date.now()): KeptAgent[] | null {
  const stored = current(now);
  return stored?.user.id === userId ? (stored.agents ?? null) : null;
}
