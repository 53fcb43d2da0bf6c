import type { User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { hasFilters, type PeopleFilters } from './filters';
import { PeopleTable } from './PeopleTable';
import { usePeople } from './usePeople';
import { useReportNames } from './useReportNames';

interface Props {
  viewer: User;
  filters: PeopleFilters;
  onClearFilters: () => void;
}

function countText(count: number, more: boolean, filtered: boolean): string {
  const people = count === 1 ? '1 person' : `${count} people`;
  if (filtered) return `${people} found${more ? ', more to load' : ''}`;
  return `${people}${more ? ' shown' : ''}`;
}

/** The people matching the filters, with their count, "Load more" and every state. */
export function PeopleSection({ viewer, filters, onClearFilters }: Props) {
  const people = usePeople(filters);
  const names = useReportNames(viewer.role);
  const rows = people.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasFilters(filters);
  const updating = people.isPlaceholderData && people.isFetching;

  return (
    <section className="card" aria-label="People in your scope">
      {people.isSuccess && (
        <div className="card-header">
          <p className="muted" aria-live="polite">
            {updating ? 'Updating…' : countText(rows.length, people.hasNextPage, filtered)}
          </p>
        </div>
      )}
      {people.isPending && <LoadingState label="Loading people…" />}
      {people.isError && !people.isFetchNextPageError && (
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
          filtered ? (
            <div className="card-body people-empty">
              <p className="muted">Nobody matches these filters.</p>
              <button type="button" className="button button-secondary" onClick={onClearFilters}>
                Clear filters
              </button>
            </div>
          ) : (
            <p className="muted">Nobody is in your scope yet.</p>
          )
        ) : (
          <PeopleTable people={rows} viewer={viewer} names={names} busy={updating} />
        ))}
      {people.isFetchNextPageError && (
        <ErrorAlert title="Could not load more people">{people.error?.message}</ErrorAlert>
      )}
      {people.hasNextPage && !updating && (
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
