import { lazy, Suspense, useState } from 'react';
import type { QuickNote } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import type { useNotes } from './hooks';
import { NoteItem } from './NoteItem';

// React Aria's dialog is most of a page's weight: it loads when a note is addressed.
const AddressDialog = lazy(() => import('./AddressDialog').then((m) => ({ default: m.AddressDialog })));

interface Props {
  notes: ReturnType<typeof useNotes>;
  /** Each note titled by its agent (notes of several agents). */
  showAgent: boolean;
  /** The viewer may address notes (team leaders and admins). */
  canAddress: boolean;
  /** Said when there is no note. */
  emptyText: string;
  now: number;
}

/** Notes, newest first, with "Load more", the Address dialog and every state. */
export function NotesList({ notes, showAgent, canAddress, emptyText, now }: Props) {
  const [addressing, setAddressing] = useState<QuickNote | null>(null);
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  const updating = notes.isPlaceholderData && notes.isFetching;
  const refused = notes.isError && !notes.isFetchNextPageError;
  return (
    <>
      {notes.isPending && !refused && <LoadingState label="Loading the notes…" />}
      {refused && (
        <ErrorAlert
          title="Could not load the notes"
          action={
            <button type="button" className="button button-secondary" onClick={() => void notes.refetch()}>
              Try again
            </button>
          }
        >
          {notes.error.message}
        </ErrorAlert>
      )}
      {notes.isSuccess &&
        !refused &&
        (items.length === 0 ? (
          emptyText && <p className="muted notes-empty">{emptyText}</p>
        ) : (
          <ul className="notes-list" aria-busy={updating || undefined}>
            {items.map((note) => (
              <li key={note.id}>
                <NoteItem
                  note={note}
                  now={now}
                  showAgent={showAgent}
                  onAddress={canAddress ? setAddressing : undefined}
                />
              </li>
            ))}
          </ul>
        ))}
      {notes.isFetchNextPageError && <ErrorAlert title="Could not load more notes">{notes.error?.message}</ErrorAlert>}
      {notes.hasNextPage && !updating && !refused && (
        <div className="card-footer">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void notes.fetchNextPage()}
            disabled={notes.isFetchingNextPage}
          >
            {notes.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
      {addressing && (
        <Suspense fallback={null}>
          <AddressDialog note={addressing} onClose={() => setAddressing(null)} />
        </Suspense>
      )}
    </>
  );
}
