import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useRecentAgentIds, useWritableAgents } from './hooks';
import { bodyToDraft, emptyDraft, type NoteDraft } from './noteForm';
import { NoteForm, type FormResult } from './NoteForm';
import type { OutboxSnapshot } from './outbox';
import { OutboxList } from './OutboxList';
import { useOnline, useOutbox } from './useOutbox';

/** The note the form let go last: what became of it is said under the form. */
interface LastNote {
  agentName: string;
  /** Its outbox key; null while a slow first send has not answered. */
  key: string | null;
  sent: boolean;
}

function lastNoteWords(last: LastNote, snapshot: OutboxSnapshot, online: boolean): { text: string; ok: boolean } {
  const who = `your note about ${last.agentName}`;
  if (last.sent || (last.key !== null && snapshot.sent.some((s) => s.key === last.key)))
    return { text: `Sent: ${who}.`, ok: true };
  const entry = snapshot.pending.find((e) => e.key === last.key);
  if (entry?.status === 'failed')
    return { text: `The server did not accept ${who}: see “Not sent yet” below.`, ok: false };
  if (last.key === null || entry?.sending)
    return { text: `Still sending ${who}: it is kept on this device meanwhile.`, ok: false };
  return {
    text: `${who.charAt(0).toUpperCase()}${who.slice(1)} is kept on this device and will be sent ${
      online ? 'shortly' : 'when the network returns'
    }.`,
    ok: false,
  };
}

/** /notes/new: a quick note from a phone, one-handed; kept on the device while offline. */
export function NewNotePage() {
  const me = useCurrentUser();
  const [search] = useSearchParams();
  const linkedAgent = search.get('agent_id');
  const { outbox, snapshot } = useOutbox(me);
  const online = useOnline();
  const agents = useWritableAgents(me);
  const recent = useRecentAgentIds(me);
  // A new form after each note (and for a refused one taken back to edit).
  const [form, setForm] = useState<{ n: number; initial: NoteDraft; editing: boolean }>(() => ({
    n: 0,
    initial: emptyDraft(linkedAgent),
    editing: false,
  }));
  const [last, setLast] = useState<LastNote | null>(null);

  // Agents written about on this device first (newest first), then those the server knows.
  const recentIds = useMemo(() => {
    const ids: string[] = [];
    const add = (id: string) => {
      if (!ids.includes(id)) ids.push(id);
    };
    for (const s of snapshot.sent) add(s.body.agent_id);
    for (const e of [...snapshot.pending].reverse()) add(e.body.agent_id);
    for (const id of recent.data ?? []) add(id);
    return ids;
  }, [snapshot.sent, snapshot.pending, recent.data]);

  function done(result: FormResult) {
    if (result.kind === 'slow') {
      setLast({ agentName: result.agentName, key: null, sent: false });
      // Once it answers, the words follow the note in the outbox.
      void result.pending.then((o) =>
        setLast((l) => (l?.key === null && l.agentName === result.agentName ? { ...l, key: o.key } : l)),
      );
    } else {
      setLast({ agentName: result.agentName, key: result.key, sent: result.kind === 'sent' });
    }
    setForm((f) => ({ n: f.n + 1, initial: emptyDraft(linkedAgent), editing: false }));
  }

  async function edit(key: string) {
    const entry = await outbox.takeBack(key);
    if (!entry) return;
    setLast(null);
    // The form comes back with the note, its text focused (and so scrolled into view).
    setForm((f) => ({ n: f.n + 1, initial: bodyToDraft(entry.body), editing: true }));
  }

  const outcome = last ? lastNoteWords(last, snapshot, online) : null;

  const agentsStatus = agents.isError ? (
    <ErrorAlert
      title="Could not load your agents"
      action={
        <button type="button" className="button button-secondary" onClick={() => void agents.refetch()}>
          Try again
        </button>
      }
    >
      {agents.error.message}
    </ErrorAlert>
  ) : agents.fetchStatus === 'paused' ? (
    <p className="muted">You are offline: your agents load when the network returns.</p>
  ) : (
    <LoadingState label="Loading your agents…" />
  );

  return (
    <div className="notes-new">
      <PageHeader title="Quick note" description="A note about an agent, while it is fresh." />
      {!online && (
        <p className="notes-offline" role="status">
          <span aria-hidden="true">⚠ </span>
          You are offline. Notes you write are kept on this device and sent when the network
          returns.
        </p>
      )}
      <NoteForm
        key={form.n}
        initial={form.initial}
        agents={agents.data}
        agentsStatus={agentsStatus}
        recentIds={recentIds}
        write={(body, agentName) => outbox.write(body, agentName)}
        takeBack={(key) => outbox.takeBack(key)}
        onDone={done}
        focusNote={form.editing}
      />
      <p
        role="status"
        className={outcome ? `alert ${outcome.ok ? 'alert-success' : 'notes-kept'}` : 'notes-outcome-empty'}
      >
        {outcome?.text}
      </p>
      <OutboxList
        snapshot={snapshot}
        online={online}
        onSendNow={() => void outbox.flush()}
        onEdit={(key) => void edit(key)}
        onDiscard={(key) => void outbox.discard(key)}
      />
      <p>
        <Link to="/notes">All notes</Link>
      </p>
    </div>
  );
}
