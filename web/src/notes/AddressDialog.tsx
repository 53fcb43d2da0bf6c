import { useState, type FormEvent } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { QuickNote } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';
import { useAddressNote } from './hooks';
import { noteTypeLabel } from './labels';

const HOW_MAX = 2000;

interface Props {
  /** The note to address; null: the dialog is closed. */
  note: QuickNote | null;
  onClose: () => void;
}

/** Marks a note addressed, saying how (required). */
export function AddressDialog({ note, onClose }: Props) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={note !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {note && <AddressForm key={note.id} note={note} onClose={onClose} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function AddressForm({ note, onClose }: { note: QuickNote; onClose: () => void }) {
  const [how, setHow] = useState('');
  const [error, setError] = useState<string | null>(null);
  const address = useAddressNote();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = how.trim();
    if (!text) return setError('Say how the note was addressed.');
    if (text.length > HOW_MAX) return setError(`At most ${HOW_MAX} characters (now ${text.length}).`);
    setError(null);
    address.mutate({ id: note.id, body: { addressed_notes: text } }, { onSuccess: onClose });
  }

  const refused = address.error;
  const fieldError = error ?? refused?.fieldMessage('addressed_notes') ?? null;
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <Heading slot="title" className="dialog-title">
        Address the note about {note.agent_name}
      </Heading>
      <p className="muted">
        {noteTypeLabel(note.note_type)}: “{note.content.length > 200 ? `${note.content.slice(0, 199)}…` : note.content}”
      </p>
      {refused && !refused.fieldMessage('addressed_notes') && (
        <ErrorAlert title={refused.status === 409 ? 'Already addressed' : 'Could not mark it addressed'}>
          {refused.status === 409 ? 'Someone marked this note addressed meanwhile; the list now shows it.' : refused.message}
        </ErrorAlert>
      )}
      <FormField label="How it was addressed" error={fieldError} hint="For example: talked it through after the call.">
        {(control) => (
          <textarea
            {...control}
            rows={4}
            value={how}
            onChange={(e) => setHow(e.target.value)}
            required
            aria-required="true"
            autoFocus
          />
        )}
      </FormField>
      <div className="button-row dialog-actions">
        <button type="submit" className="button button-primary" disabled={address.isPending}>
          {address.isPending ? 'Saving…' : 'Mark addressed'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose} disabled={address.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
