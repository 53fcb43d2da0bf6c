import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { CoachingSession, CoachingSessionPatch } from '../api/types';
import { NotesAutosave, notesPatch, sameNotes, topicsOf, type SaveNotes } from './notesAutosave';
import type { VersionedSession } from './sessionsApi';
import { makeSession } from './testing';

const v = (session: CoachingSession): VersionedSession => ({ session, etag: `"${session.version}"` });

function stale(current: CoachingSession, sent: number) {
  return new ApiError({
    status: 409,
    code: 'conflict',
    message: `This was changed since you read it (your version ${sent}, now ${current.version}).`,
    details: [{ field: 'If-Match', message: 'names an older version' }],
    body: { error: { code: 'conflict', current } },
    etag: `"${current.version}"`,
  });
}

interface Call {
  patch: CoachingSessionPatch;
  etag: string;
  resolve: (value: VersionedSession) => void;
  reject: (error: unknown) => void;
}

/** A save whose answers the test gives, one call at a time. */
function manualSave() {
  const calls: Call[] = [];
  const save: SaveNotes = (patch, etag) =>
    new Promise((resolve, reject) => calls.push({ patch, etag, resolve, reject }));
  return { calls, save };
}

/** Lets the controller's promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('notes as the form shows them', () => {
  it('reads topics one per line, ignoring blank lines and spaces', () => {
    expect(topicsOf(' Greeting \n\n  Hold times\n')).toEqual(['Greeting', 'Hold times']);
    expect(
      sameNotes(
        { discussion_notes: 'a', topics: 'x\ny\n', agent_commitments: '' },
        { discussion_notes: 'a', topics: 'x\ny', agent_commitments: '' },
      ),
    ).toBe(true);
  });

  it('patches only what changed, clearing an emptied field with null', () => {
    const base = { discussion_notes: 'old', topics: 'a', agent_commitments: 'c' };
    expect(notesPatch(base, base)).toBeNull();
    expect(notesPatch({ ...base, discussion_notes: '', topics: 'a\nb' }, base)).toEqual({
      discussion_notes: null,
      topics_covered: ['a', 'b'],
    });
  });
});

describe('NotesAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves a second after the last keystroke, with If-Match of the version it builds on', async () => {
    const { calls, save } = manualSave();
    const onVersion = vi.fn();
    const a = new NotesAutosave(v(makeSession({ version: 4 })), save, { onVersion });
    a.edit('discussion_notes', 'Talked about');
    await vi.advanceTimersByTimeAsync(600);
    a.edit('discussion_notes', 'Talked about hold times');
    expect(a.getState().phase).toBe('pending');
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.etag).toBe('"4"');
    expect(calls[0]!.patch).toEqual({ discussion_notes: 'Talked about hold times' });
    expect(a.getState().phase).toBe('saving');

    calls[0]!.resolve(v(makeSession({ version: 5, discussion_notes: 'Talked about hold times' })));
    await settle();
    expect(a.getState()).toMatchObject({ phase: 'saved', etag: '"5"', version: 5 });
    expect(onVersion).toHaveBeenCalledTimes(1);

    // The next change builds on the version just saved.
    a.edit('agent_commitments', 'Use the hold script');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls[1]!.etag).toBe('"5"');
    expect(calls[1]!.patch).toEqual({ agent_commitments: 'Use the hold script' });
  });

  it('sends what was typed during a save once that save is answered, never two at once', async () => {
    const { calls, save } = manualSave();
    const a = new NotesAutosave(v(makeSession()), save);
    a.edit('discussion_notes', 'one');
    await vi.advanceTimersByTimeAsync(1000);
    a.edit('discussion_notes', 'one two');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(v(makeSession({ version: 2, discussion_notes: 'one' })));
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.etag).toBe('"2"');
    expect(calls[1]!.patch).toEqual({ discussion_notes: 'one two' });
    calls[1]!.resolve(v(makeSession({ version: 3, discussion_notes: 'one two' })));
    await settle();
    expect(a.getState().phase).toBe('saved');
  });

  it('does not send the same text again when the server stored it differently', async () => {
    const { calls, save } = manualSave();
    const a = new NotesAutosave(v(makeSession()), save);
    a.edit('discussion_notes', 'Notes  ');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]!.resolve(v(makeSession({ version: 2, discussion_notes: 'Notes' })));
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(a.getState().phase).toBe('saved');
    expect(await a.flush()).toBe('saved');
  });

  it('says "not saved" when a save fails, keeps the text, and tries again', async () => {
    const { calls, save } = manualSave();
    const onRefused = vi.fn();
    const a = new NotesAutosave(v(makeSession()), save, { onRefused });
    a.edit('topics', 'Greeting');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]!.reject(new ApiError({ status: 0, code: 'network_error', message: 'Could not reach the Coach server.' }));
    await settle();
    expect(a.getState()).toMatchObject({ phase: 'error', error: 'Could not reach the Coach server.' });
    expect(a.getState().draft.topics).toBe('Greeting');
    expect(onRefused).toHaveBeenCalled();
    a.retry();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.patch).toEqual({ topics_covered: ['Greeting'] });
  });

  it('stops on a stale version with other notes, keeping both texts until the user chooses', async () => {
    const { calls, save } = manualSave();
    const a = new NotesAutosave(v(makeSession({ version: 3 })), save);
    a.edit('discussion_notes', 'Mine');
    await vi.advanceTimersByTimeAsync(1000);
    const theirs = makeSession({ version: 4, discussion_notes: 'Theirs' });
    calls[0]!.reject(stale(theirs, 3));
    await settle();
    const s = a.getState();
    expect(s.phase).toBe('conflict');
    expect(s.draft.discussion_notes).toBe('Mine');
    expect(s.theirs?.notes.discussion_notes).toBe('Theirs');
    expect(s.theirs?.etag).toBe('"4"');

    // Typing goes on, but nothing is sent while the conflict stands.
    a.edit('discussion_notes', 'Mine, more');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);

    // Keep mine: sent again on top of their version.
    a.keepMine();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.etag).toBe('"4"');
    expect(calls[1]!.patch).toEqual({ discussion_notes: 'Mine, more' });
    calls[1]!.resolve(v(makeSession({ version: 5, discussion_notes: 'Mine, more' })));
    await settle();
    expect(a.getState()).toMatchObject({ phase: 'saved', theirs: null, version: 5 });
  });

  it('"Use theirs" replaces the text with the other version and sends nothing', async () => {
    const { calls, save } = manualSave();
    const onVersion = vi.fn();
    const a = new NotesAutosave(v(makeSession({ version: 3 })), save, { onVersion });
    a.edit('discussion_notes', 'Mine');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]!.reject(stale(makeSession({ version: 4, discussion_notes: 'Theirs' }), 3));
    await settle();
    a.useTheirs();
    expect(a.getState()).toMatchObject({ phase: 'saved', etag: '"4"', theirs: null });
    expect(a.getState().draft.discussion_notes).toBe('Theirs');
    expect(onVersion).toHaveBeenLastCalledWith(expect.objectContaining({ etag: '"4"' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
  });

  it('builds on a newer version that left the notes alone (the session was started) and sends again', async () => {
    const { calls, save } = manualSave();
    const a = new NotesAutosave(v(makeSession({ version: 1 })), save);
    a.edit('discussion_notes', 'Mine');
    await vi.advanceTimersByTimeAsync(1000);
    calls[0]!.reject(stale(makeSession({ version: 2, status: 'IN_PROGRESS' }), 1));
    await settle();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.etag).toBe('"2"');
    expect(a.getState().phase).toBe('saving');
  });

  it('adopts a newer version from the page when nothing was typed, and ignores older ones', () => {
    const { save } = manualSave();
    const a = new NotesAutosave(v(makeSession({ version: 2 })), save);
    a.receive(v(makeSession({ version: 1, discussion_notes: 'Old' })));
    expect(a.getState().version).toBe(2);
    a.receive(v(makeSession({ version: 3, discussion_notes: 'From elsewhere' })));
    expect(a.getState()).toMatchObject({ version: 3, etag: '"3"' });
    expect(a.getState().draft.discussion_notes).toBe('From elsewhere');

    // With something typed here, a version with other notes is not taken (the save meets the 409).
    a.edit('discussion_notes', 'Mine');
    a.receive(v(makeSession({ version: 4, discussion_notes: 'Other' })));
    expect(a.getState()).toMatchObject({ version: 3, etag: '"3"' });
    expect(a.getState().draft.discussion_notes).toBe('Mine');
  });

  it('flush saves at once and reports the outcome', async () => {
    const { calls, save } = manualSave();
    const a = new NotesAutosave(v(makeSession()), save);
    expect(await a.flush()).toBe('idle');
    a.edit('agent_commitments', 'Practise the script');
    const done = a.flush();
    await settle();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(v(makeSession({ version: 2, agent_commitments: 'Practise the script' })));
    expect(await done).toBe('saved');

    a.edit('agent_commitments', 'Practise the script daily');
    const failed = a.flush();
    await settle();
    calls[1]!.reject(stale(makeSession({ version: 3, agent_commitments: 'Other' }), 2));
    expect(await failed).toBe('conflict');
  });

  it('sends what waits for the pause when the page goes away', async () => {
    const { calls, save } = manualSave();
    const a = new NotesAutosave(v(makeSession()), save);
    a.edit('discussion_notes', 'Last words');
    a.leave();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.patch).toEqual({ discussion_notes: 'Last words' });
  });
});
