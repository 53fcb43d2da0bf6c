import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { ImportLog } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRollback } from './hooks';

/**
 * "Roll back" with a confirmation dialog. A refusal is said in the dialog; when the only
 * obstacle is that the same rows changed since (details name later imports or edited rows), the
 * admin may restore this import's previous values anyway (force).
 */
export function RollbackButton({ log }: { log: ImportLog }) {
  const [open, setOpen] = useState(false);
  const rollback = useRollback(log.id);
  const error = rollback.error;
  const changedSince =
    error?.status === 409 && error.details.some((d) => d.field === 'import_id' || d.field === 'rows');

  function onOpenChange(next: boolean) {
    if (rollback.isPending) return;
    if (next) rollback.reset();
    setOpen(next);
  }

  function confirm(force: boolean) {
    rollback.mutate({ force }, { onSuccess: () => setOpen(false) });
  }

  return (
    <>
      <Button className="button button-danger" onPress={() => onOpenChange(true)}>
        Roll back…
      </Button>
      <ModalOverlay
        className="modal-overlay"
        isOpen={open}
        onOpenChange={onOpenChange}
        isDismissable={!rollback.isPending}
      >
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            <Heading slot="title" className="dialog-title">
              Roll back {log.file_name}?
            </Heading>
            <p>
              Rows this import inserted are deleted and rows it updated get their previous values
              back. Its report stays, marked as rolled back.
            </p>
            {error && (
              <ErrorAlert title="The import was not rolled back">
                <p>{error.message}</p>
                {error.details.map((d) => (
                  <p key={`${d.field}:${d.message}`}>{d.message}</p>
                ))}
              </ErrorAlert>
            )}
            <div className="button-row dialog-actions">
              {changedSince ? (
                <Button
                  className="button button-danger"
                  onPress={() => confirm(true)}
                  isDisabled={rollback.isPending}
                >
                  {rollback.isPending ? 'Rolling back…' : 'Roll back anyway'}
                </Button>
              ) : (
                <Button
                  className="button button-danger"
                  onPress={() => confirm(false)}
                  isDisabled={rollback.isPending}
                >
                  {rollback.isPending ? 'Rolling back…' : 'Roll back'}
                </Button>
              )}
              <Button
                className="button button-secondary"
                onPress={() => onOpenChange(false)}
                isDisabled={rollback.isPending}
                autoFocus
              >
                Cancel
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
