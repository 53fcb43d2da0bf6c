import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField, TextField } from '../components/FormField';
import { ActionItemRows } from './ActionItemRows';
import {
  completionBody,
  emptyCompletion,
  hasErrors,
  serverCompletionErrors,
  validateCompletion,
  type CompleteDraft,
} from './completeForm';
import { useCompleteSession } from './hooks';
import {
  INTERVENTION_METHODS,
  methodLabel,
  PRIMARY_ISSUES,
  primaryIssueLabel,
  type InterventionMethod,
  type PrimaryIssue,
} from './labels';
import type { AutosavePhase } from './notesAutosave';

interface Props {
  sessionId: string;
  /** Minutes since the session started, for the duration's hint (null: unknown). */
  minutesSoFar: number | null;
  /** Saves the live notes first; completing waits for them. */
  flushNotes: () => Promise<AutosavePhase>;
}

/**
 * Completes an in-progress session: the outcome the agent acknowledges (summary, strengths,
 * areas to improve, follow-up topics), the actual length, the effectiveness record (primary
 * issue, intervention method) and action items agreed on the spot.
 */
export function CompleteForm({ sessionId, minutesSoFar, flushNotes }: Props) {
  const [draft, setDraft] = useState<CompleteDraft>(emptyCompletion);
  const [submitted, setSubmitted] = useState(false);
  const [notesProblem, setNotesProblem] = useState<string | null>(null);
  const [flushing, setFlushing] = useState(false);
  const complete = useCompleteSession(sessionId);

  const local = submitted ? validateCompletion(draft) : { fields: {}, items: {} };
  const server = serverCompletionErrors(complete.error);
  const fields = { ...server.fields, ...local.fields };
  const itemErrors = { ...server.items, ...local.items };
  const busy = flushing || complete.isPending;

  function change(next: Partial<CompleteDraft>) {
    setDraft((d) => ({ ...d, ...next }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setNotesProblem(null);
    if (hasErrors(validateCompletion(draft))) return;
    const body = completionBody(draft);
    if (!body) return;
    setFlushing(true);
    const notes = await flushNotes();
    setFlushing(false);
    if (notes === 'conflict' || notes === 'error') {
      setNotesProblem(
        notes === 'conflict'
          ? 'Your notes changed elsewhere meanwhile: choose a version in Notes above, then complete.'
          : 'Your notes are not saved yet: try saving them again in Notes above, then complete.',
      );
      return;
    }
    complete.mutate(body);
  }

  const durationHint =
    minutesSoFar !== null && minutesSoFar >= 1
      ? `Leave empty for the time since the start (about ${minutesSoFar} minutes).`
      : 'Leave empty for the time since the start.';

  return (
    <section className="card" id="complete-session" aria-labelledby="complete-heading" tabIndex={-1}>
      <div className="card-header">
        <h2 id="complete-heading">Complete the session</h2>
      </div>
      <div className="card-body">
        <form className="form sessions-form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Complete the session">
          <FormField label="Summary" error={fields.summary} hint="What you agreed; the agent reads it and acknowledges it.">
            {(control) => (
              <textarea
                {...control}
                rows={4}
                required
                value={draft.summary}
                onChange={(e) => change({ summary: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Strengths" error={fields.strengths}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={draft.strengths}
                onChange={(e) => change({ strengths: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Areas to improve" error={fields.improve}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={draft.improve}
                onChange={(e) => change({ improve: e.target.value })}
              />
            )}
          </FormField>
          <FormField label="Follow-up topics" hint="One per line; any topic marks a follow-up as needed." error={fields.followUpTopics}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                value={draft.followUpTopics}
                onChange={(e) => change({ followUpTopics: e.target.value })}
              />
            )}
          </FormField>
          <div className="sessions-when">
            <FormField label="Primary issue" error={fields.primaryIssue}>
              {(control) => (
                <select
                  {...control}
                  required
                  value={draft.primaryIssue}
                  onChange={(e) => change({ primaryIssue: e.target.value as PrimaryIssue | '' })}
                >
                  <option value="">Choose…</option>
                  {PRIMARY_ISSUES.map((issue) => (
                    <option key={issue} value={issue}>
                      {primaryIssueLabel(issue)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label="Intervention method" error={fields.method}>
              {(control) => (
                <select
                  {...control}
                  required
                  value={draft.method}
                  onChange={(e) => change({ method: e.target.value as InterventionMethod | '' })}
                >
                  <option value="">Choose…</option>
                  {INTERVENTION_METHODS.map((method) => (
                    <option key={method} value={method}>
                      {methodLabel(method)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <TextField
              label="Actual length (minutes)"
              type="number"
              inputMode="numeric"
              min={1}
              max={480}
              value={draft.duration}
              onChange={(e) => change({ duration: e.target.value })}
              error={fields.duration}
              hint={durationHint}
            />
          </div>
          <ActionItemRows
            items={draft.items}
            onChange={(items) => change({ items })}
            errors={itemErrors}
            listError={fields.items}
          />
          {notesProblem && (
            <ErrorAlert title="Not completed">
              <p>{notesProblem}</p>
            </ErrorAlert>
          )}
          {complete.error && (
            <ErrorAlert title="Not completed">
              <p>{complete.error.message}</p>
              {server.other.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </ErrorAlert>
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {flushing ? 'Saving notes…' : complete.isPending ? 'Completing…' : 'Complete session'}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
