// The quick-note outbox: every note is first kept in this browser (IndexedDB), with an
// Idempotency-Key chosen once when it is written, then sent. A note that cannot be sent now
// (no network, the server busy) waits and goes when the network returns (the `online` event,
// opening the page, a timer); the key makes a resend safe, so a note whose answer was lost is
// still written once. A note leaves the outbox only after the server wrote it (201), or when
// the server refused it for good (a 4xx that will not change): then it stays, marked failed
// with the server's message, until its writer edits or discards it: nothing is lost silently.
import { createStore, del, set, values, type UseStore } from 'idb-keyval';
import { isApiError } from '../api/client';
import type { ApiError } from '../api/ApiError';
import type { QuickNote, QuickNoteCreate } from '../api/types';
import { ensureCsrfToken } from '../auth/authApi';
import { createNote, type CreatedNote } from './notesApi';

/** A note kept in the browser until the server has it. */
export interface OutboxEntry {
  /** The Idempotency-Key of its create, chosen once when it was written; also its id here. */
  key: string;
  /** Its writer: only they send it (the server scopes keys to the writer). */
  userId: string;
  body: QuickNoteCreate;
  /** The agent's name, to list it while it waits (offline, nothing else knows it). */
  agentName: string;
  /** When it was written (RFC 3339). */
  writtenAt: string;
  /** waiting: to send; failed: the server refused it (error says why). */
  status: 'waiting' | 'failed';
  /** Why the last try did not go through (waiting), or the server's refusal (failed). */
  error: string | null;
}

/** A note of this page's lifetime that reached the server. */
export interface SentNote {
  key: string;
  agentName: string;
  body: QuickNoteCreate;
  note: QuickNote;
  sentAt: string;
}

export interface PendingNote extends OutboxEntry {
  /** A request for it is under way. */
  sending: boolean;
}

export interface OutboxSnapshot {
  /** The stored notes have been read. */
  loaded: boolean;
  /** false: this browser keeps nothing (IndexedDB unavailable): notes live in this tab only. */
  persistent: boolean;
  /** Notes not on the server: waiting (or being sent) and refused ones, oldest first. */
  pending: readonly PendingNote[];
  /** Notes sent since this page loaded, newest first. */
  sent: readonly SentNote[];
}

/** Where the outbox keeps its notes. */
export interface OutboxStorage {
  all(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Why a send did not go through and will be tried again. */
export type RetryReason = 'offline' | 'server' | 'signed-out';

export type SendOutcome =
  | { kind: 'sent'; note: QuickNote; replayed: boolean }
  | { kind: 'retry'; reason: RetryReason; message: string; retryAfterSeconds: number | null }
  | { kind: 'rejected'; error: ApiError };

/** What writing a note came to; `key` is its Idempotency-Key (its id in the outbox). */
export type WriteOutcome = { key: string } & (
  | { kind: 'sent'; note: QuickNote }
  | { kind: 'queued'; reason: RetryReason; message: string }
  | { kind: 'rejected'; error: ApiError }
);

export interface OutboxDeps {
  storage: OutboxStorage;
  send: (body: QuickNoteCreate, key: string) => Promise<CreatedNote>;
  isOnline: () => boolean;
  newKey: () => string;
  now: () => Date;
  /** Runs `task` alone among this browser's tabs (so two tabs do not send the same queue). */
  exclusive: <T>(task: () => Promise<T>) => Promise<T>;
  /** When to try again after a failed try that will be retried (ms); tests turn it off. */
  retryDelayMs: (outcome: Extract<SendOutcome, { kind: 'retry' }>) => number | null;
}

export const OFFLINE_MESSAGE = 'Waiting for the network.';
const SIGNED_OUT_MESSAGE = 'Your session has ended: sign in again to send it.';
const RETRY_DELAY_MS = 30_000;

/** Whether a failed create can succeed later (network, session, server) or never will. */
export function classifySendError(error: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  if (!isApiError(error) || error.status === 0)
    return { kind: 'retry', reason: 'offline', message: OFFLINE_MESSAGE, retryAfterSeconds: null };
  if (error.status === 401)
    return { kind: 'retry', reason: 'signed-out', message: SIGNED_OUT_MESSAGE, retryAfterSeconds: null };
  if (error.status === 408 || error.status === 425 || error.status === 429 || error.status >= 500)
    return {
      kind: 'retry',
      reason: 'server',
      message: `The server could not take it yet (${error.message}); it will be tried again.`,
      retryAfterSeconds: error.retryAfter,
    };
  return { kind: 'rejected', error };
}

/** A refusal in words: the message and each field's complaint. */
export function refusalText(error: ApiError): string {
  const fields = error.details
    .filter((d) => d.message)
    .map((d) => (d.field ? `${d.field} ${d.message}` : d.message));
  return [error.message, ...fields].join(' ');
}

/** An in-memory store: the fallback when IndexedDB is not there, and for tests. */
export function memoryStorage(initial: readonly OutboxEntry[] = []): OutboxStorage {
  const entries = new Map(initial.map((e) => [e.key, structuredClone(e)]));
  return {
    all: () => Promise.resolve([...entries.values()].map((e) => structuredClone(e))),
    put: (entry) => {
      entries.set(entry.key, structuredClone(entry));
      return Promise.resolve();
    },
    remove: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}

function byWritten(a: OutboxEntry, b: OutboxEntry): number {
  return a.writtenAt < b.writtenAt ? -1 : a.writtenAt > b.writtenAt ? 1 : 0;
}

export class Outbox {
  private readonly deps: OutboxDeps;
  private storage: OutboxStorage;
  private persistent = true;
  private userId: string | null = null;
  private loaded = false;
  /** The signed-in writer's stored notes. */
  private stored: OutboxEntry[] = [];
  private readonly sendingKeys = new Set<string>();
  private sent: SentNote[] = [];
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly sentListeners = new Set<(note: QuickNote) => void>();
  private snapshot: OutboxSnapshot = { loaded: false, persistent: true, pending: [], sent: [] };
  private signedIn: () => string | null = () => this.userId;

  constructor(deps: OutboxDeps) {
    this.deps = deps;
    this.storage = deps.storage;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): OutboxSnapshot => this.snapshot;

  /** Called with each note the server wrote (lists showing notes are then out of date). */
  onSent(listener: (note: QuickNote) => void): () => void {
    this.sentListeners.add(listener);
    return () => this.sentListeners.delete(listener);
  }

  /**
   * Who is signed in now: the outbox sends only while it is the writer it was opened for (the
   * server ties a key to its writer; another user's session must never send their notes).
   */
  bindSession(signedIn: () => string | null): void {
    this.signedIn = signedIn;
  }

  /** The writer signed in: reads their kept notes and sends those waiting. */
  async open(userId: string): Promise<void> {
    if (this.userId !== userId) {
      this.userId = userId;
      this.loaded = false;
      this.stored = [];
      this.sent = [];
      this.emit();
    }
    await this.reload();
    await this.flush();
  }

  /**
   * Keeps a new note (with its key, chosen now) and sends it when online. A refusal that will
   * not change (a 4xx) leaves it kept as failed: the form that wrote it, still showing it, may
   * take it back (takeBack) to show the server's reasons next to its fields.
   */
  async write(body: QuickNoteCreate, agentName: string): Promise<WriteOutcome> {
    const userId = this.userId;
    if (userId === null) throw new Error('Outbox.write() before open()');
    const entry: OutboxEntry = {
      key: this.deps.newKey(),
      userId,
      body: { ...body, timestamp_occurred: body.timestamp_occurred ?? this.deps.now().toISOString() },
      agentName,
      writtenAt: this.deps.now().toISOString(),
      status: 'waiting',
      error: null,
    };
    // Marked as being sent before anything is awaited: a flush running meanwhile leaves it.
    this.sendingKeys.add(entry.key);
    this.stored.push(entry);
    this.emit();
    await this.save(entry);
    const key = entry.key;
    if (!this.deps.isOnline()) {
      this.sendingKeys.delete(key);
      await this.update(key, { error: OFFLINE_MESSAGE });
      return { key, kind: 'queued', reason: 'offline', message: OFFLINE_MESSAGE };
    }
    const outcome = await this.sendHeld(entry);
    if (outcome.kind === 'sent') return { key, kind: 'sent', note: outcome.note };
    if (outcome.kind === 'rejected') return { key, kind: 'rejected', error: outcome.error };
    return { key, kind: 'queued', reason: outcome.reason, message: outcome.message };
  }

  /** Sends every waiting note of the writer, each once, oldest first. */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.clearTimer();
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        await this.deps.exclusive(() => this.flushOnce());
      } while (this.flushAgain);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /** A kept note back to its writer for editing (not while it is being sent): it leaves the outbox. */
  async takeBack(key: string): Promise<OutboxEntry | null> {
    const entry = this.stored.find((e) => e.key === key && !this.sendingKeys.has(key));
    if (!entry) return null;
    await this.drop(key);
    return entry;
  }

  /** Throws a kept note away (its writer chose to). */
  async discard(key: string): Promise<void> {
    if (this.sendingKeys.has(key)) return;
    await this.drop(key);
  }

  /** Stops the retry timer (tests, and a page that goes away for good). */
  dispose(): void {
    this.clearTimer();
  }

  private async flushOnce(): Promise<void> {
    if (this.userId === null || this.signedIn() !== this.userId || !this.deps.isOnline()) return;
    // Another tab may have sent (and removed) some of them meanwhile.
    await this.reload();
    for (const entry of this.stored.filter((e) => e.status === 'waiting').sort(byWritten)) {
      if (!this.deps.isOnline()) break;
      if (this.sendingKeys.has(entry.key)) continue;
      this.sendingKeys.add(entry.key);
      this.emit();
      const outcome = await this.sendHeld(entry);
      // The others would fail the same way now.
      if (outcome.kind === 'retry' && outcome.reason !== 'server') break;
    }
  }

  /** Sends `entry`, whose key the caller put in sendingKeys; records what came of it. */
  private async sendHeld(entry: OutboxEntry): Promise<SendOutcome> {
    let outcome: SendOutcome;
    try {
      const created = await this.deps.send(entry.body, entry.key);
      outcome = { kind: 'sent', note: created.note, replayed: created.replayed };
    } catch (error) {
      outcome = classifySendError(error);
    } finally {
      this.sendingKeys.delete(entry.key);
    }
    if (outcome.kind === 'sent') {
      this.sent = [
        {
          key: entry.key,
          agentName: entry.agentName,
          body: entry.body,
          note: outcome.note,
          sentAt: this.deps.now().toISOString(),
        },
        ...this.sent,
      ];
      await this.drop(entry.key);
      for (const listener of this.sentListeners) listener(outcome.note);
    } else if (outcome.kind === 'rejected') {
      await this.update(entry.key, { status: 'failed', error: refusalText(outcome.error) });
    } else {
      await this.update(entry.key, { error: outcome.message });
      this.scheduleRetry(outcome);
    }
    return outcome;
  }

  private scheduleRetry(outcome: Extract<SendOutcome, { kind: 'retry' }>): void {
    const delay = this.deps.retryDelayMs(outcome);
    if (delay === null || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async reload(): Promise<void> {
    const userId = this.userId;
    let all: OutboxEntry[];
    try {
      all = await this.storage.all();
    } catch {
      this.fallBackToMemory();
      all = await this.storage.all();
    }
    if (this.userId !== userId) return;
    const mine = all.filter((e) => e.userId === userId);
    // What this tab is sending stays as it is here.
    const sending = this.stored.filter((e) => this.sendingKeys.has(e.key));
    this.stored = [...mine.filter((e) => !this.sendingKeys.has(e.key)), ...sending].sort(byWritten);
    this.loaded = true;
    this.emit();
  }

  private async save(entry: OutboxEntry): Promise<void> {
    try {
      await this.storage.put(entry);
    } catch {
      this.fallBackToMemory();
      await this.storage.put(entry);
    }
  }

  private async update(key: string, change: Partial<OutboxEntry>): Promise<void> {
    const entry = this.stored.find((e) => e.key === key);
    if (!entry) return;
    const next = { ...entry, ...change };
    this.stored = this.stored.map((e) => (e.key === key ? next : e));
    this.emit();
    await this.save(next);
  }

  private async drop(key: string): Promise<void> {
    this.stored = this.stored.filter((e) => e.key !== key);
    this.emit();
    try {
      await this.storage.remove(key);
    } catch {
      this.fallBackToMemory();
    }
  }

  /** IndexedDB failed (private browsing, storage full): keep the notes in this tab at least. */
  private fallBackToMemory(): void {
    if (!this.persistent) return;
    this.persistent = false;
    this.storage = memoryStorage(this.stored);
    this.emit();
  }

  private emit(): void {
    this.snapshot = {
      loaded: this.loaded,
      persistent: this.persistent,
      pending: this.stored.map((e) => ({ ...e, sending: this.sendingKeys.has(e.key) })),
      sent: this.sent,
    };
    for (const listener of this.listeners) listener();
  }
}

/** A new Idempotency-Key: a random UUID (also where crypto.randomUUID is missing: plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const LOCK_NAME = 'coach-quick-notes-outbox';

function exclusiveInBrowser<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(LOCK_NAME, task) as Promise<T>) : task();
}

/** The notes kept in this browser's IndexedDB (idb-keyval), opened on first use. */
export function idbStorage(): OutboxStorage {
  let store: UseStore | null = null;
  const db = () => (store ??= createStore('coach-quick-notes', 'outbox'));
  return {
    all: () => values<OutboxEntry>(db()),
    put: (entry) => set(entry.key, entry, db()),
    remove: (key) => del(key, db()),
  };
}

/** The browser's outbox: IndexedDB, the API, navigator.onLine, Web Locks. */
export function browserOutboxDeps(): OutboxDeps {
  return {
    storage: idbStorage(),
    // A tab opened offline has no CSRF token yet (the server gives it once it is reached).
    send: async (body, key) => {
      await ensureCsrfToken();
      return createNote(body, key);
    },
    isOnline: () => navigator.onLine,
    newKey: newIdempotencyKey,
    now: () => new Date(),
    exclusive: exclusiveInBrowser,
    retryDelayMs: (outcome) =>
      outcome.reason === 'signed-out'
        ? null
        : Math.max(RETRY_DELAY_MS, (outcome.retryAfterSeconds ?? 0) * 1000),
  };
}
