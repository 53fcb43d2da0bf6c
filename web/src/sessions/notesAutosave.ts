// The live notes of a session (discussion notes, topics, agent commitments), saved as they are
// typed: a PATCH a second after the last keystroke, with If-Match of the version the notes on
// screen are based on. Plain TypeScript (no React) so that its rules are tested directly.
//
// Never silently overwrite: a 409 that names a newer version whose notes differ from what ours
// were based on stops saving and keeps both texts until the user picks one ("Use theirs": load
// the current version; "Keep mine": send ours again on top of the new version). A newer version
// whose notes are what ours were based on (the session was started, say) is merely adopted.
import { isApiError } from '../api/client';
import type { CoachingSession, CoachingSessionPatch } from '../api/types';
import { currentOf } from './conflicts';
import type { VersionedSession } from './sessionsApi';

export type NoteField = 'discussion_notes' | 'topics' | 'agent_commitments';
/** The notes as the form shows them: topics one per line. */
export type NoteFields = Record<NoteField, string>;

export const NOTE_FIELDS: readonly NoteField[] = ['discussion_notes', 'topics', 'agent_commitments'];

/** Topics typed one per line: trimmed, blank lines dropped. */
export function topicsOf(text: string): string[] {
  return text
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function notesOf(session: CoachingSession): NoteFields {
  return {
    discussion_notes: session.discussion_notes ?? '',
    topics: (session.topics_covered ?? []).join('\n'),
    agent_commitments: session.agent_commitments ?? '',
  };
}

function sameField(field: NoteField, a: NoteFields, b: NoteFields): boolean {
  if (field === 'topics') return topicsOf(a.topics).join('\n') === topicsOf(b.topics).join('\n');
  return a[field] === b[field];
}

/** Whether two versions of the notes say the same (topics compared as a list). */
export function sameNotes(a: NoteFields, b: NoteFields): boolean {
  return NOTE_FIELDS.every((f) => sameField(f, a, b));
}

/** The PATCH body that turns `base` into `draft` (changed fields only), or null. */
export function notesPatch(draft: NoteFields, base: NoteFields): CoachingSessionPatch | null {
  const patch: CoachingSessionPatch = {};
  if (!sameField('discussion_notes', draft, base))
    patch.discussion_notes = draft.discussion_notes === '' ? null : draft.discussion_notes;
  if (!sameField('topics', draft, base)) {
    const topics = topicsOf(draft.topics);
    patch.topics_covered = topics.length === 0 ? null : topics;
  }
  if (!sameField('agent_commitments', draft, base))
    patch.agent_commitments = draft.agent_commitments === '' ? null : draft.agent_commitments;
  return Object.keys(patch).length === 0 ? null : patch;
}

/**
 * idle: nothing typed yet; pending: typed, waiting for the pause; saving: a PATCH in flight;
 * saved: what is on screen is saved; error: the last save failed (kept on screen, retried on
 * the next keystroke or "Try again"); conflict: someone else saved other notes meanwhile.
 */
export type AutosavePhase = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export interface TheirVersion {
  notes: NoteFields;
  session: CoachingSession;
  etag: string;
}

export interface AutosaveState {
  draft: NoteFields;
  /** The notes of the version `etag` names, which the draft builds on. */
  base: NoteFields;
  etag: string;
  version: number;
  phase: AutosavePhase;
  /** Why the last save failed (phase error). */
  error: string | null;
  /** The other version (phase conflict). */
  theirs: TheirVersion | null;
  /** When the last save succeeded (ms since the epoch). */
  savedAt: number | null;
}

export type SaveNotes = (patch: CoachingSessionPatch, etag: string) => Promise<VersionedSession>;

export interface AutosaveOptions {
  /** The pause after the last keystroke before saving. */
  delayMs?: number;
  /** A version of the session this page now knows (its own saves, or the other version chosen). */
  onVersion?: (version: VersionedSession) => void;
  /** A save refused for another reason than a stale version (the message is in the state). */
  onRefused?: (error: unknown) => void;
  now?: () => number;
}

/** How often in a row a stale version that left the notes alone is adopted and the save resent. */
const MAX_REBASES = 3;

export class NotesAutosave {
  private state: AutosaveState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  private rebases = 0;
  private readonly delayMs: number;
  /** The draft a request in flight sends. */
  private sent: NoteFields | null = null;
  /**
   * The draft known to be saved (or loaded): once the server has taken it, it is not sent
   * again, even if the server stored it differently (nothing loops).
   */
  private confirmed: NoteFields;

  constructor(
    initial: VersionedSession,
    private readonly save: SaveNotes,
    private readonly options: AutosaveOptions = {},
  ) {
    const notes = notesOf(initial.session);
    this.delayMs = options.delayMs ?? 1000;
    this.confirmed = notes;
    this.state = {
      draft: notes,
      base: notes,
      etag: initial.etag,
      version: initial.session.version,
      phase: 'idle',
      error: null,
      theirs: null,
      savedAt: null,
    };
  }

  getState = (): AutosaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether what is typed still needs a save. */
  private dirty(): boolean {
    return this.state.draft !== this.confirmed && !sameNotes(this.state.draft, this.state.base);
  }

  private set(change: Partial<AutosaveState>) {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }

  private settledPhase(): AutosavePhase {
    return this.state.savedAt === null ? 'idle' : 'saved';
  }

  edit(field: NoteField, value: string) {
    const draft = { ...this.state.draft, [field]: value };
    if (this.state.phase === 'conflict') {
      this.set({ draft });
      return;
    }
    const dirty = !sameNotes(draft, this.state.base);
    if (!dirty) this.confirmed = draft;
    const phase: AutosavePhase =
      this.state.phase === 'saving' ? 'saving' : dirty ? 'pending' : this.settledPhase();
    this.set({ draft, phase, error: null });
    this.schedule();
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule() {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, this.delayMs);
  }

  private run(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const { draft, base, etag, phase } = this.state;
    if (phase === 'conflict') return Promise.resolve();
    const patch = this.dirty() ? notesPatch(draft, base) : null;
    if (!patch) {
      this.set({ phase: this.settledPhase(), error: null });
      return Promise.resolve();
    }
    this.set({ phase: 'saving', error: null });
    this.sent = draft;
    const request = this.save(patch, etag).then(
      (saved) => this.saved(saved),
      (error: unknown) => this.failed(error),
    );
    this.inFlight = request.finally(() => {
      this.inFlight = null;
      this.sent = null;
      if (this.again) {
        this.again = false;
        if (this.timer === null) void this.run();
      }
    });
    return this.inFlight;
  }

  private saved(saved: VersionedSession) {
    this.rebases = 0;
    if (this.sent) this.confirmed = this.sent;
    const base = notesOf(saved.session);
    // Typed while the request ran: that is still to send.
    const dirty = this.state.draft !== this.confirmed && !sameNotes(this.state.draft, base);
    this.set({
      base,
      etag: saved.etag,
      version: saved.session.version,
      phase: dirty ? 'pending' : 'saved',
      error: null,
      savedAt: this.options.now?.() ?? Date.now(),
    });
    this.options.onVersion?.(saved);
    // The timer (or `again`) sends it; make sure one does.
    if (dirty && this.timer === null) this.again = true;
  }

  private failed(error: unknown) {
    const current = isApiError(error) && error.status === 409 ? currentOf(error) : null;
    if (isApiError(error) && current && typeof current === 'object') {
      const session = current as CoachingSession;
      const theirs: TheirVersion = {
        notes: notesOf(session),
        session,
        etag: error.etag ?? `"${session.version}"`,
      };
      const { draft, base } = this.state;
      if (sameNotes(theirs.notes, draft)) {
        // They saved exactly what we have: nothing to choose.
        this.adopt(theirs, { draft: theirs.notes, phase: 'saved' });
        return;
      }
      if (sameNotes(theirs.notes, base) && this.rebases < MAX_REBASES) {
        // The session changed elsewhere (started, rescheduled) but not its notes: build on it.
        this.rebases++;
        this.adopt(theirs, { phase: 'pending' });
        this.again = true;
        return;
      }
      this.rebases = 0;
      this.set({ phase: 'conflict', theirs, error: error.message });
      return;
    }
    this.set({
      phase: 'error',
      error: error instanceof Error ? error.message : 'The notes could not be saved.',
    });
    this.options.onRefused?.(error);
  }

  private adopt(theirs: TheirVersion, change: Partial<AutosaveState>) {
    if (change.draft) this.confirmed = change.draft;
    this.set({
      base: theirs.notes,
      etag: theirs.etag,
      version: theirs.session.version,
      theirs: null,
      error: null,
      ...change,
    });
    this.options.onVersion?.({ session: theirs.session, etag: theirs.etag });
  }

  /** Saves what is typed now; resolves with the outcome (saved, idle, error or conflict). */
  async flush(): Promise<AutosavePhase> {
    this.clearTimer();
    for (let i = 0; i < 2 * MAX_REBASES + 4; i++) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      const { phase } = this.state;
      if (phase === 'conflict') return phase;
      if (!this.dirty()) return phase === 'error' || phase === 'pending' ? this.settledPhase() : phase;
      await this.run();
      if (this.state.phase === 'error') return 'error';
      this.clearTimer();
    }
    return this.state.phase;
  }

  /** "Try again" after a failed save. */
  retry() {
    this.clearTimer();
    void this.run();
  }

  /** "Use theirs": the other version replaces what was typed here. */
  useTheirs() {
    const theirs = this.state.theirs;
    if (!theirs) return;
    this.adopt(theirs, { draft: theirs.notes, phase: 'saved' });
  }

  /** "Keep mine": what was typed here is sent again, on top of the other version. */
  keepMine() {
    const theirs = this.state.theirs;
    if (!theirs) return;
    this.adopt(theirs, { phase: 'pending' });
    this.clearTimer();
    void this.run();
  }

  /**
   * A newer version seen elsewhere (the page's query). Adopted when its notes are those ours
   * build on, or when nothing was typed here; otherwise the next save meets the 409.
   */
  receive(latest: VersionedSession) {
    if (latest.session.version <= this.state.version) return;
    const notes = notesOf(latest.session);
    const { base, draft, phase } = this.state;
    if (sameNotes(notes, base)) {
      this.set({ etag: latest.etag, version: latest.session.version });
    } else if (
      this.inFlight === null &&
      phase !== 'conflict' &&
      phase !== 'saving' &&
      sameNotes(draft, base)
    ) {
      this.confirmed = notes;
      this.set({ draft: notes, base: notes, etag: latest.etag, version: latest.session.version });
    }
  }

  /** The page goes away: what is waiting for the pause is sent now. */
  leave() {
    if (this.timer === null) return;
    this.clearTimer();
    void this.run();
  }
}
