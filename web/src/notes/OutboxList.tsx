import { lazy, Suspense, useState } from 'react';
import { formatWhen, noteTypeLabel } from './labels';
import type { OutboxSnapshot, PendingNote } from './outbox';

// React Aria's dialog is most of the page's weight: it loads when a note is discarded.
const ConfirmDialog = lazy(() =>
  import('../components/ConfirmDialog').then((m) => ({ default: m.ConfirmDialog })),
);

interface Props {
  snapshot: OutboxSnapshot;
  online: boolean;
  onSendNow: () => void;
  onEdit: (key: string) => void;
  onDiscard: (key: string) => void;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 notes waiting for the network", and how many the server refused. */
export function waitingSummary(pending: readonly PendingNote[], online: boolean): string {
  const sending = pending.filter((e) => e.sending).length;
  const waiting = pending.filter((e) => e.status === 'waiting' && !e.sending).length;
  const failed = pending.filter((e) => e.status === 'failed').length;
  const parts: string[] = [];
  if (sending > 0) parts.push(`${plural(sending, 'note', 'notes')} being sent`);
  if (waiting > 0)
    parts.push(
      `${plural(waiting, 'note', 'notes')} waiting ${online ? 'to be sent' : 'for the network'}`,
    );
  if (failed > 0) parts.push(`${plural(failed, 'note', 'notes')} not accepted by the server`);
  return parts.join('; ');
}

function excerpt(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function PendingItem({
  entry,
  online,
  onEdit,
  onDiscard,
}: {
  entry: PendingNote;
  online: boolean;
  onEdit: () => void;
  onDiscard: () => void;
}) {
  const failed = entry.status === 'failed';
  const state = entry.sending
    ? 'Sending…'
    : failed
      ? `Not sent: ${entry.error ?? 'the server refused it.'}`
      : online
        ? (entry.error ?? 'Waiting to be sent.')
        : 'Waiting for the network.';
  return (
    <li className={`notes-outbox-item${failed ? ' notes-outbox-failed' : ''}`}>
      <p className="notes-outbox-head">
        <strong>{entry.agentName}</strong> · {noteTypeLabel(entry.body.note_type)} ·{' '}
        <span className="muted">written {formatWhen(entry.writtenAt)}</span>
      </p>
      <p className="notes-outbox-text">{excerpt(entry.body.content)}</p>
      <p className={failed ? 'notes-outbox-state field-error' : 'notes-outbox-state muted'}>
        {failed && (
          <span aria-hidden="true" className="notes-icon">
            ⚠{' '}
          </span>
        )}
        {state}
      </p>
      {failed && (
        <div className="button-row">
          <button type="button" className="button button-secondary" onClick={onEdit}>
            Edit and send again
          </button>
          <button type="button" className="button button-secondary" onClick={onDiscard}>
            Discard
          </button>
        </div>
      )}
    </li>
  );
}

/** The notes kept on this device that the server does not have yet, and those sent just now. */
export function OutboxList({ snapshot, online, onSendNow, onEdit, onDiscard }: Props) {
  const [discarding, setDiscarding] = useState<PendingNote | null>(null);
  const { pending, sent } = snapshot;
  const waiting = pending.filter((e) => e.status === 'waiting');
  const sending = pending.some((e) => e.sending);
  return (
    <>
      <section className="card" aria-labelledby="notes-outbox-heading">
        <div className="card-header">
          <h2 id="notes-outbox-heading">Not sent yet</h2>
        </div>
        <div className="card-body stack">
          <p role="status" className="notes-outbox-summary">
            {pending.length === 0
              ? snapshot.loaded
                ? 'Nothing waiting: every note you wrote here has been sent.'
                : ''
              : waitingSummary(pending, online)}
          </p>
          {pending.length > 0 && (
            <ul className="notes-outbox">
              {pending.map((entry) => (
                <PendingItem
                  key={entry.key}
                  entry={entry}
                  online={online}
                  onEdit={() => onEdit(entry.key)}
                  onDiscard={() => setDiscarding(entry)}
                />
              ))}
            </ul>
          )}
          {online && waiting.length > 0 && (
            <p>
              <button type="button" className="button button-secondary" onClick={onSendNow} disabled={sending}>
                {sending ? 'Sending…' : 'Send now'}
              </button>
            </p>
          )}
          {!snapshot.persistent && (
            <p className="field-error">
              This browser cannot keep notes: ones not sent are lost if this tab closes.
            </p>
          )}
        </div>
      </section>
      {sent.length > 0 && (
        <section className="card" aria-labelledby="notes-sent-heading">
          <div className="card-header">
            <h2 id="notes-sent-heading">Sent</h2>
          </div>
          <div className="card-body">
            <ul className="notes-outbox">
              {sent.map((s) => (
                <li key={s.key} className="notes-outbox-item">
                  <p className="notes-outbox-head">
                    <strong>{s.agentName}</strong> · {noteTypeLabel(s.body.note_type)}
                  </p>
                  <p className="notes-outbox-text">{excerpt(s.body.content)}</p>
                  <p className="notes-outbox-state notes-sent">
                    <span aria-hidden="true">✓ </span>Sent
                  </p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      {discarding && (
        <Suspense fallback={null}>
          <ConfirmDialog
            isOpen
            onOpenChange={(open) => {
              if (!open) setDiscarding(null);
            }}
            title="Discard this note?"
            confirmLabel="Discard"
            busyLabel="Discarding…"
            busy={false}
            onConfirm={() => {
              onDiscard(discarding.key);
              setDiscarding(null);
            }}
          >
            <p>
              The note about {discarding.agentName} was not accepted by the server. Discarded, it
              is gone from this device.
            </p>
          </ConfirmDialog>
        </Suspense>
      )}
    </>
  );
}
