import type { ReactNode } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** What confirming does, its refusal (if any), choices: the dialog's body. */
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  onConfirm: () => void;
}

/**
 * A destructive action asked once more (React Aria alert dialog): the danger button, Cancel
 * focused first, nothing dismissable while the request runs.
 */
export function ConfirmDialog({
  isOpen,
  onOpenChange,
  title,
  children,
  confirmLabel,
  busyLabel,
  busy,
  onConfirm,
}: Props) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={!busy}>
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
          <div className="button-row dialog-actions">
            <Button className="button button-danger" onPress={onConfirm} isDisabled={busy}>
              {busy ? busyLabel : confirmLabel}
            </Button>
            <Button
              className="button button-secondary"
              onPress={() => onOpenChange(false)}
              isDisabled={busy}
              autoFocus
            >
              Cancel
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
