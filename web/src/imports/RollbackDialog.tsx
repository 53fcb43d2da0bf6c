import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ImportLog } from '../api/types';
import { ConfirmDialog } from '../components/ConfirmDialog';
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
      <ConfirmDialog
        isOpen={open}
        onOpenChange={onOpenChange}
        title={`Roll back ${log.file_name}?`}
        confirmLabel={changedSince ? 'Roll back anyway' : 'Roll back'}
        busyLabel="Rolling back…"
        busy={rollback.isPending}
        onConfirm={() => confirm(changedSince)}
      >
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
      </ConfirmDialog>
    </>
  );
}
