import { usePeople } from '../users/usePeople';
import { ErrorAlert } from './ErrorAlert';
import { LoadingState } from './LoadingState';
import { PeopleTable } from './PeopleTable';

export function PeopleSection() {
  const people = usePeople();
  const rows = people.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="card" aria-label="People in your scope">
      {people.isSuccess && (
        <div className="card-header">
          <p className="muted" aria-live="polite">
            {rows.length === 1 ? '1 person' : `${rows.length} people`}
            {people.hasNextPage ? ' shown' : ''}
          </p>
        </div>
      )}
      {people.isPending && <LoadingState label="Loading people…" />}
      {people.isError && (
        <ErrorAlert
          title="Could not load people"
          action={
            <button type="button" className="button button-secondary" onClick={() => people.refetch()}>
              Try again
            </button>
          }
        >
          {people.error.message}
        </ErrorAlert>
      )}
      {people.isSuccess &&
        (rows.length === 0 ? (
          <p className="muted">Nobody is in your scope yet.</p>
        ) : (
          <PeopleTable people={rows} />
        ))}
      {people.isFetchNextPageError && (
        <ErrorAlert title="Could not load more people">{people.error?.message}</ErrorAlert>
      )}
      {people.hasNextPage && (
        <div className="card-footer">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => people.fetchNextPage()}
            disabled={people.isFetchingNextPage}
          >
            {people.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
