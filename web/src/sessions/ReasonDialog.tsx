import { useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ApiError } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';

export const MAX_REASON_LENGTH = 1000;

interface Props {
  /** The button that opens it ("Cancel session…"). */
  triggerLabel: string;
  title: string;
  description: string;
  /** Under the reason: who reads it. */
  hint?: string;
  /** The submit button ("Cancel session", "Mark as no-show"), and while it runs. */
  confirmLabel: string;
  busyLabel: string;
  /** Runs the request; resolves when the server agreed. */
  mutate: (reason: string, callbacks: { onSuccess: () => void }) => void;
  reset: () => void;
  pending: boolean;
  error: ApiError | null;
}

/** Cancel or no-show: a dialog asking for the reason (required), which the server records. */
export function ReasonDialog({
  triggerLabel,
  title,
  description,
  hint,
  confirmLabel,
  busyLabel,
  mutate,
  reset,
  pending,
  error,
}: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const localError = !submitted
    ? null
    : reason.trim() === ''
      ? 'is required'
      : reason.length > MAX_REASON_LENGTH
        ? `must be at most ${MAX_REASON_LENGTH} characters`
        : null;
  const fieldError = localError ?? error?.fieldMessage('reason') ?? null;

  function onOpenChange(next: boolean) {
    if (pending) return;
    if (next) {
      reset();
      setReason('');
      setSubmitted(false);
    }
    setOpen(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const text = reason.trim();
    if (text === '' || text.length > MAX_REASON_LENGTH) return;
    mutate(text, { onSuccess: () => setOpen(false) });
  }

  return (
    <>
      <Button className="button button-secondary" onPress={() => onOpenChange(true)}>
        {triggerLabel}
      </Button>
      <ModalOverlay className="modal-overlay" isOpen={open} onOpenChange={onOpenChange} isDismissable={!pending}>
        <Modal className="modal">
          <Dialog className="dialog">
            <Heading slot="title" className="dialog-title">
              {title}
            </Heading>
            <form className="form" noValidate onSubmit={onSubmit} aria-label={title}>
              <p>{description}</p>
              <FormField label="Reason" error={fieldError} hint={hint}>
                {(control) => (
                  <textarea
                    {...control}
                    rows={3}
                    required
                    maxLength={MAX_REASON_LENGTH}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                )}
              </FormField>
              {error && !error.fieldMessage('reason') && (
                <ErrorAlert title="Nothing was changed">
                  <p>{error.message}</p>
                </ErrorAlert>
              )}
              <div className="button-row dialog-actions">
                <button type="submit" className="button button-danger" disabled={pending}>
                  {pending ? busyLabel : confirmLabel}
                </button>
                <Button className="button button-secondary" onPress={() => onOpenChange(false)} isDisabled={pending}>
                  Keep it
                </Button>
              </div>
            </form>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
