import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ApiError } from '../api/client';
import type { NotePriority, NoteType, QuickNoteCreate } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField, TextField } from '../components/FormField';
import { AgentChooser, type AgentOption } from './AgentChooser';
import { defaultPriority, isPriority, PRIORITIES, priorityLabel } from './labels';
import {
  checkDraft,
  CONTENT_MAX,
  DETAIL_FIELDS,
  draftToBody,
  serverErrors,
  type DraftErrors,
  type NoteDraft,
} from './noteForm';
import { NoteTypeChoice } from './NoteTypeChoice';
import type { WriteOutcome } from './outbox';

/** After this long without an answer the form lets go: the note waits in the list below. */
const SLOW_MS = 10_000;

/** What became of a note the form let go (`key`: its Idempotency-Key, its id in the outbox). */
export type FormResult =
  | { kind: 'sent'; agentName: string; key: string }
  | { kind: 'queued'; agentName: string; key: string }
  /** No answer yet: `pending` settles when there is one. */
  | { kind: 'slow'; agentName: string; pending: Promise<WriteOutcome> };

interface Props {
  initial: NoteDraft;
  /** The agents the writer may choose; undefined while they load. */
  agents: readonly AgentOption[] | undefined;
  /** Said instead of the agents while they load or could not be loaded. */
  agentsStatus?: ReactNode;
  recentIds: readonly string[];
  write: (body: QuickNoteCreate, agentName: string) => Promise<WriteOutcome>;
  /** Takes a refused note out of the outbox (the form shows it and its reasons instead). */
  takeBack: (key: string) => Promise<unknown>;
  onDone: (result: FormResult) => void;
  /** Focus the note's text on mount (a refused note taken back to edit). */
  focusNote?: boolean;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'slow'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<'slow'>((resolve) => {
    timer = setTimeout(() => resolve('slow'), ms);
  });
  return Promise.race([promise, slow]).finally(() => clearTimeout(timer));
}

/** The quick-note form: agent, type, the note, optional details, Send. */
export function NoteForm({
  initial,
  agents,
  agentsStatus,
  recentIds,
  write,
  takeBack,
  onDone,
  focusNote = false,
}: Props) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [refusal, setRefusal] = useState<{ error: ApiError; other: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(
    initial.priority !== '' || initial.callId !== '' || initial.customerId !== '' || initial.followUp,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const contentRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (focusNote) contentRef.current?.focus();
  }, [focusNote]);

  const set = (change: Partial<NoteDraft>) => setDraft((d) => ({ ...d, ...change }));
  // An agent named in the link who is not one of the writer's is no choice.
  const unknownAgent =
    agents !== undefined && draft.agentId !== null && !agents.some((a) => a.id === draft.agentId);
  const agentError =
    errors.agent_id ?? (unknownAgent ? 'That agent is not one you can write about: choose another.' : undefined);

  function showErrors(next: DraftErrors) {
    setErrors(next);
    if (DETAIL_FIELDS.some((f) => next[f])) setDetailsOpen(true);
    // The first field to fix takes the focus.
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>(
          'fieldset[aria-invalid="true"] input, fieldset[aria-invalid="true"] button, [aria-invalid="true"]',
        )
        ?.focus(),
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkDraft(unknownAgent ? { ...draft, agentId: null } : draft);
    if (unknownAgent) checked.agent_id = agentError;
    setRefusal(null);
    if (Object.keys(checked).length > 0) {
      showErrors(checked);
      return;
    }
    setErrors({});
    const agentName = agents?.find((a) => a.id === draft.agentId)?.name ?? 'the agent';
    setBusy(true);
    const writing = write(draftToBody(draft), agentName);
    const outcome = await withTimeout(writing, SLOW_MS);
    setBusy(false);
    if (outcome === 'slow') return onDone({ kind: 'slow', agentName, pending: writing });
    if (outcome.kind === 'rejected') {
      // The form still holds the note: it leaves the outbox and the reasons show here.
      await takeBack(outcome.key);
      const { byField, other } = serverErrors(outcome.error);
      setRefusal({ error: outcome.error, other });
      showErrors(byField);
      return;
    }
    onDone({ kind: outcome.kind, agentName, key: outcome.key });
  }

  const typePriority = draft.noteType ? priorityLabel(defaultPriority(draft.noteType)) : null;
  return (
    <form ref={formRef} className="card card-body form notes-form" noValidate onSubmit={onSubmit} aria-label="Quick note">
      {refusal && (
        <ErrorAlert title="The note was not accepted">
          <p>{refusal.error.message}</p>
          {refusal.other.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </ErrorAlert>
      )}
      <AgentChooser
        agents={agents ?? []}
        recentIds={recentIds}
        value={unknownAgent ? null : draft.agentId}
        onChange={(agentId) => set({ agentId })}
        error={agentError}
        status={agents === undefined ? agentsStatus : undefined}
      />
      <NoteTypeChoice
        value={draft.noteType}
        onChange={(noteType: NoteType) => set({ noteType })}
        error={errors.note_type}
      />
      <FormField
        label="Note"
        error={errors.content}
        hint={
          draft.content.length > CONTENT_MAX - 500
            ? `${draft.content.length} of ${CONTENT_MAX} characters`
            : 'What happened, in a sentence or two.'
        }
      >
        {(control) => (
          <textarea
            {...control}
            ref={contentRef}
            className="notes-content"
            rows={5}
            value={draft.content}
            onChange={(e) => set({ content: e.target.value })}
            enterKeyHint="enter"
          />
        )}
      </FormField>
      <details
        className="notes-details"
        open={detailsOpen}
        onToggle={(e) => setDetailsOpen(e.currentTarget.open)}
      >
        <summary>More details (optional)</summary>
        <div className="notes-details-body">
          <FormField label="Priority" error={errors.priority}>
            {(control) => (
              <select
                {...control}
                value={draft.priority}
                onChange={(e) => {
                  const v = e.target.value;
                  set({ priority: isPriority(v) ? (v as NotePriority) : '' });
                }}
              >
                <option value="">{typePriority ? `From the type (${typePriority})` : 'From the type'}</option>
                {PRIORITIES.map((p) => (
                  <option key={p} value={p}>
                    {priorityLabel(p)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <TextField
            label="Call ID"
            value={draft.callId}
            onChange={(e) => set({ callId: e.target.value })}
            error={errors.call_id}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label="Customer ID"
            value={draft.customerId}
            onChange={(e) => set({ customerId: e.target.value })}
            error={errors.customer_id}
            autoComplete="off"
            spellCheck={false}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.followUp}
              onChange={(e) => set({ followUp: e.target.checked })}
            />
            Needs a follow-up
          </label>
        </div>
      </details>
      <button type="submit" className="button button-primary button-block notes-send" disabled={busy}>
        {busy ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
