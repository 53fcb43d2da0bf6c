import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/ApiError';
import type { QuickNote, QuickNoteCreate } from '../api/types';
import {
  idbStorage,
  memoryStorage,
  newIdempotencyKey,
  Outbox,
  type OutboxDeps,
  type OutboxStorage,
} from './outbox';
import { makeNote } from './testing';

const TL = 'tl-1';
const BODY: QuickNoteCreate = {
  agent_id: '00000000-0000-4000-8000-000000000001',
  note_type: 'COACHING',
  content: 'Skipped the second verification question.',
};

function noteFor(body: QuickNoteCreate, id = 'note-1'): QuickNote {
  return makeNote({
    id,
    agent_id: body.agent_id,
    agent_name: 'Alex Kim',
    team_leader_id: TL,
    created_by: TL,
    note_type: body.note_type,
    content: body.content,
  });
}

const networkError = () => new ApiError({ status: 0, code: 'network_error', message: 'offline' });

/** An outbox whose network is `online` and whose server answers with `answer`. */
function makeOutbox(
  options: {
    storage?: OutboxStorage;
    answer?: (body: QuickNoteCreate, key: string) => Promise<{ note: QuickNote; replayed: boolean }>;
  } = {},
) {
  const net = { online: true };
  let n = 0;
  const send = vi.fn(
    options.answer ?? ((body: QuickNoteCreate) => Promise.resolve({ note: noteFor(body), replayed: false })),
  );
  const deps: OutboxDeps = {
    storage: options.storage ?? memoryStorage(),
    send,
    isOnline: () => net.online,
    newKey: () => `key-${++n}`,
    now: () => new Date('2026-12-07T09:00:00Z'),
    exclusive: (task) => task(),
    retryDelayMs: () => null,
  };
  const outbox = new Outbox(deps);
  return { outbox, send, net, deps };
}

describe('the quick-note outbox', () => {
  it('keeps a note written offline, with its key, and sends nothing', async () => {
    const storage = memoryStorage();
    const { outbox, send, net } = makeOutbox({ storage });
    net.online = false;
    await outbox.open(TL);

    const outcome = await outbox.write(BODY, 'Alex Kim');

    expect(outcome).toMatchObject({ kind: 'queued', reason: 'offline', key: 'key-1' });
    expect(send).not.toHaveBeenCalled();
    const kept = await storage.all();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ key: 'key-1', userId: TL, status: 'waiting', agentName: 'Alex Kim' });
    // When it was written goes with it (the server would otherwise take the time it arrived).
    expect(kept[0]?.body).toEqual({ ...BODY, timestamp_occurred: '2026-12-07T09:00:00.000Z' });
    expect(outbox.getSnapshot().pending.map((e) => e.key)).toEqual(['key-1']);
  });

  it('sends a waiting note once when the network returns, however often it is asked to', async () => {
    const storage = memoryStorage();
    const { outbox, send, net } = makeOutbox({ storage });
    net.online = false;
    await outbox.open(TL);
    await outbox.write(BODY, 'Alex Kim');
    await outbox.write({ ...BODY, content: 'Second note.' }, 'Alex Kim');

    net.online = true;
    // The `online` event, the page opening and "Send now" all at once.
    await Promise.all([outbox.flush(), outbox.flush(), outbox.open(TL)]);

    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls.map(([, key]) => key)).toEqual(['key-1', 'key-2']);
    expect(await storage.all()).toEqual([]);
    const snap = outbox.getSnapshot();
    expect(snap.pending).toEqual([]);
    expect(snap.sent.map((s) => s.key)).toEqual(['key-2', 'key-1']);
  });

  it('sends again with the same Idempotency-Key when the first answer was lost', async () => {
    let calls = 0;
    const { outbox, send } = makeOutbox({
      answer: (body) => (++calls === 1 ? Promise.reject(networkError()) : Promise.resolve({ note: noteFor(body), replayed: true })),
    });
    await outbox.open(TL);

    const first = await outbox.write(BODY, 'Alex Kim');
    expect(first).toMatchObject({ kind: 'queued', reason: 'offline' });
    expect(outbox.getSnapshot().pending[0]).toMatchObject({ status: 'waiting', error: 'Waiting for the network.' });

    await outbox.flush();

    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[0]?.[1]).toBe('key-1');
    expect(send.mock.calls[1]?.[1]).toBe('key-1');
    expect(send.mock.calls[1]?.[0]).toEqual(send.mock.calls[0]?.[0]);
    expect(outbox.getSnapshot().pending).toEqual([]);
    expect(outbox.getSnapshot().sent).toHaveLength(1);
  });

  it('keeps a note the server refused for good, with its message, and never sends it again', async () => {
    const storage = memoryStorage();
    const refusal = new ApiError({
      status: 422,
      code: 'validation_failed',
      message: 'The request is not valid.',
      details: [{ field: 'agent_id', message: 'has left (TERMINATED)' }],
    });
    const { outbox, send, net } = makeOutbox({ storage, answer: () => Promise.reject(refusal) });
    net.online = false;
    await outbox.open(TL);
    await outbox.write(BODY, 'Alex Kim');
    net.online = true;

    await outbox.flush();
    await outbox.flush();

    expect(send).toHaveBeenCalledTimes(1);
    const [kept] = await storage.all();
    expect(kept).toMatchObject({
      status: 'failed',
      error: 'The request is not valid. agent_id has left (TERMINATED)',
    });
    expect(outbox.getSnapshot().pending[0]).toMatchObject({ status: 'failed', sending: false });

    // Its writer takes it back to edit it: then it is gone from the outbox.
    const taken = await outbox.takeBack('key-1');
    expect(taken?.body.content).toBe(BODY.content);
    expect(await storage.all()).toEqual([]);
  });

  it('tries again later when the server is busy or the session ended, not when refused', async () => {
    const answers = [
      new ApiError({ status: 503, code: 'unavailable', message: 'Busy', retryAfter: 5 }),
      new ApiError({ status: 401, code: 'unauthenticated', message: 'Sign in' }),
    ];
    const { outbox, send } = makeOutbox({
      answer: (body) => {
        const next = answers.shift();
        return next ? Promise.reject(next) : Promise.resolve({ note: noteFor(body), replayed: false });
      },
    });
    await outbox.open(TL);
    expect(await outbox.write(BODY, 'Alex Kim')).toMatchObject({ kind: 'queued', reason: 'server' });
    await outbox.flush();
    expect(outbox.getSnapshot().pending[0]).toMatchObject({
      status: 'waiting',
      error: 'Your session has ended: sign in again to send it.',
    });
    await outbox.flush();
    expect(send).toHaveBeenCalledTimes(3);
    expect(new Set(send.mock.calls.map(([, key]) => key))).toEqual(new Set(['key-1']));
    expect(outbox.getSnapshot().pending).toEqual([]);
  });

  it("sends only the signed-in writer's notes", async () => {
    const storage = memoryStorage();
    const writer = makeOutbox({ storage });
    writer.net.online = false;
    await writer.outbox.open(TL);
    await writer.outbox.write(BODY, 'Alex Kim');

    // Someone else signs in on this device: the note is neither shown nor sent for them.
    const other = makeOutbox({ storage });
    await other.outbox.open('tl-2');
    expect(other.outbox.getSnapshot().pending).toEqual([]);
    expect(other.send).not.toHaveBeenCalled();

    // Opened for the writer while another session is signed in: still nothing is sent.
    const stale = makeOutbox({ storage });
    stale.outbox.bindSession(() => 'tl-2');
    await stale.outbox.open(TL);
    expect(stale.send).not.toHaveBeenCalled();
    expect(stale.outbox.getSnapshot().pending).toHaveLength(1);
  });
});

describe('the outbox in IndexedDB', () => {
  beforeEach(() => {
    // A fresh, empty IndexedDB for each test.
    vi.stubGlobal('indexedDB', new IDBFactory());
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps waiting notes across a reload and sends them when the page opens again', async () => {
    const before = makeOutbox({ storage: idbStorage() });
    before.net.online = false;
    await before.outbox.open(TL);
    await before.outbox.write(BODY, 'Alex Kim');
    expect(before.send).not.toHaveBeenCalled();

    // The page loads again (a new outbox over the same database), now online.
    const after = makeOutbox({ storage: idbStorage() });
    await after.outbox.open(TL);

    expect(after.send).toHaveBeenCalledTimes(1);
    expect(after.send.mock.calls[0]?.[1]).toBe('key-1');
    expect(await idbStorage().all()).toEqual([]);
  });

  it('keeps a refused note in IndexedDB, marked failed', async () => {
    const refusal = new ApiError({ status: 409, code: 'conflict', message: 'This Idempotency-Key was used for another note.' });
    const { outbox } = makeOutbox({ storage: idbStorage(), answer: () => Promise.reject(refusal) });
    await outbox.open(TL);
    await outbox.write(BODY, 'Alex Kim');
    const [kept] = await idbStorage().all();
    expect(kept).toMatchObject({ key: 'key-1', status: 'failed', error: refusal.message });
  });
});

describe('newIdempotencyKey', () => {
  it('makes a new UUID each time (1 to 100 visible ASCII characters, as the server asks)', () => {
    const a = newIdempotencyKey();
    const b = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});
