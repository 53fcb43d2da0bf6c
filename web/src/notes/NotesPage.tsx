import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { PageHeader } from '../components/PageHeader';
import { useDirectory } from '../users/hooks';
import {
  hasNoteFilters,
  noteFiltersFromSearch,
  noteQueryFromFilters,
  searchFromNoteFilters,
  type NoteFilters,
} from './filters';
import { useNotes } from './hooks';
import { NotesFilters } from './NotesFilters';
import { NotesList } from './NotesList';
import { mayWriteNotes } from './permissions';

const PAGE_SIZE = 25;

/** /notes: the quick notes the viewer may read, filtered, newest first. */
export function NotesPage() {
  const me = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => noteFiltersFromSearch(search), [search]);
  const notes = useNotes(noteQueryFromFilters(filters, PAGE_SIZE));
  const agents = useDirectory('AGENT');
  const apply = useCallback(
    (next: NoteFilters) => setSearch(searchFromNoteFilters(next), { replace: true }),
    [setSearch],
  );
  // "Due in …" counts from when the page was opened.
  const [now] = useState(() => Date.now());
  const writes = mayWriteNotes(me.role);
  const count = notes.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? 0;
  return (
    <>
      <PageHeader
        title="Notes"
        description={
          writes
            ? 'Quick notes about your agents, newest first. Address each within its deadline.'
            : 'Quick notes the team leaders wrote about their agents, newest first.'
        }
      />
      {writes && (
        <p>
          <Link to="/notes/new" className="button button-primary">
            Write a quick note
          </Link>
        </p>
      )}
      <NotesFilters filters={filters} onChange={apply} agents={agents.data} />
      <section className="card" aria-labelledby="notes-list-heading">
        <div className="card-header">
          <h2 id="notes-list-heading">{hasNoteFilters(filters) ? 'Matching notes' : 'All notes'}</h2>
          {notes.isSuccess && (
            <p className="muted" aria-live="polite">
              {notes.isPlaceholderData && notes.isFetching
                ? 'Updating…'
                : `${count === 1 ? '1 note' : `${count} notes`}${notes.hasNextPage ? ' shown' : ''}`}
            </p>
          )}
        </div>
        <NotesList
          notes={notes}
          showAgent
          canAddress={writes}
          now={now}
          emptyText={hasNoteFilters(filters) ? 'No note matches these filters.' : 'No notes yet.'}
        />
      </section>
    </>
  );
}
