import { FormField } from '../components/FormField';
import { formatTime } from './dates';
import {
  NOTE_FIELDS,
  sameNotes,
  type AutosaveState,
  type NoteField,
  type NoteFields,
  type NotesAutosave,
} from './notesAutosave';

const LABELS: Record<NoteField, string> = {
  discussion_notes: 'Discussion notes',
  topics: 'Topics covered',
  agent_commitments: 'Agent commitments',
};

const ROWS: Record<NoteField, number> = { discussion_notes: 8, topics: 3, agent_commitments: 3 };

const HINTS: Partial<Record<NoteField, string>> = { topics: 'One per line.' };

/** "Saving…", "Saved", "Not saved": said as it changes (a polite live region). */
function SaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  let text: string;
  let tone = 'muted';
  switch (state.phase) {
    case 'idle':
      text = 'Changes are saved as you type.';
      break;
    case 'pending':
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = 'Saved';
      tone = 'sessions-save-ok';
      break;
    case 'error':
      text = 'Not saved';
      tone = 'sessions-save-bad';
      break;
    case 'conflict':
      text = 'Not saved: changed by someone else';
      tone = 'sessions-save-bad';
      break;
  }
  return (
    <div className="sessions-save">
      <p role="status" className={`sessions-save-status ${tone}`}>
        {text}
      </p>
      {state.phase === 'error' && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

function differing(theirs: NoteFields, mine: NoteFields): NoteField[] {
  return NOTE_FIELDS.filter((f) => !sameNotes({ ...mine, [f]: theirs[f] }, mine));
}

/** Both versions, and the choice: theirs replaces what was typed, or ours goes over theirs. */
function NotesConflict({ state, controller }: { state: AutosaveState; controller: NotesAutosave }) {
  const theirs = state.theirs;
  if (!theirs) return null;
  const fields = differing(theirs.notes, state.draft);
  return (
    <div className="alert sessions-alert-warning" role="alert">
      <p className="alert-title">Not saved: someone else changed these notes meanwhile</p>
      <p>
        A newer version was saved at {formatTime(theirs.session.updated_at)}. Your text is still in
        the fields below; nothing of either version is lost until you choose.
      </p>
      {fields.map((f) => (
        <div key={f} className="sessions-theirs">
          <p className="sessions-theirs-label">{LABELS[f]} in their version:</p>
          <p className="sessions-theirs-text">{theirs.notes[f] === '' ? '(empty)' : theirs.notes[f]}</p>
        </div>
      ))}
      <div className="button-row alert-action">
        <button type="button" className="button button-secondary" onClick={() => controller.useTheirs()}>
          Use theirs
        </button>
        <button type="button" className="button button-primary" onClick={() => controller.keepMine()}>
          Keep mine
        </button>
      </div>
      <p className="field-hint">
        &ldquo;Use theirs&rdquo; replaces your text with theirs; &ldquo;Keep mine&rdquo; saves your
        text over theirs.
      </p>
    </div>
  );
}

interface Props {
  state: AutosaveState;
  controller: NotesAutosave;
}

/** The notes taken during the session, saved a second after typing stops. */
export function LiveNotes({ state, controller }: Props) {
  return (
    <section className="card" aria-labelledby="live-notes-heading">
      <div className="card-header card-header-wrap">
        <h2 id="live-notes-heading">Notes</h2>
        <SaveStatus state={state} onRetry={() => controller.retry()} />
      </div>
      <div className="card-body stack">
        {state.phase === 'error' && state.error && (
          <p className="field-error" role="alert">
            Your notes were not saved: {state.error}
          </p>
        )}
        {state.phase === 'conflict' && <NotesConflict state={state} controller={controller} />}
        {NOTE_FIELDS.map((field) => (
          <FormField key={field} label={LABELS[field]} hint={HINTS[field]}>
            {(control) => (
              <textarea
                {...control}
                rows={ROWS[field]}
                value={state.draft[field]}
                onChange={(e) => controller.edit(field, e.target.value)}
              />
            )}
          </FormField>
        ))}
      </div>
    </section>
  );
}
