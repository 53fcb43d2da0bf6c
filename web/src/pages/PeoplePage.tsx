import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { User } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { PageHeader } from '../components/PageHeader';
import { AddPersonDialog } from '../users/AddPersonDialog';
import { filtersFromSearch, NO_FILTERS, searchFromFilters, type PeopleFilters } from '../users/filters';
import { PeopleFiltersBar } from '../users/PeopleFiltersBar';
import { PeopleSection } from '../users/PeopleSection';
import { managesPeople } from '../users/permissions';

/** What a page that sent the user here wants said ("… was deleted."). */
function noticeOf(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state) {
    const notice = (state as { notice: unknown }).notice;
    return typeof notice === 'string' ? notice : null;
  }
  return null;
}

export function PeoplePage() {
  const viewer = useCurrentUser();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const [added, setAdded] = useState<User | null>(null);
  const notice = noticeOf(location.state);

  const setFilters = useCallback(
    (next: PeopleFilters) => setSearch(searchFromFilters(next), { replace: true }),
    [setSearch],
  );

  return (
    <>
      <div className="page-heading-row">
        <PageHeader title="People" description="Everyone in your scope." />
        {managesPeople(viewer.role) && <AddPersonDialog viewer={viewer} onCreated={setAdded} />}
      </div>
      <div role="status" className="people-notice">
        {added ? (
          <p className="alert alert-success">
            {added.name} was added.{' '}
            <Link
              to={
                added.role === 'AGENT'
                  ? `/agents/${encodeURIComponent(added.id)}`
                  : `/people/${encodeURIComponent(added.id)}`
              }
            >
              Open their page
            </Link>
            {added.role === 'AGENT' && (
              <>
                {' or '}
                <Link to={`/people/${encodeURIComponent(added.id)}`}>manage them</Link>
              </>
            )}
            .
          </p>
        ) : (
          notice && <p className="alert alert-success">{notice}</p>
        )}
      </div>
      <PeopleFiltersBar
        filters={filters}
        onChange={setFilters}
        offerDeleted={viewer.role === 'ADMIN'}
      />
      <PeopleSection viewer={viewer} filters={filters} onClearFilters={() => setFilters(NO_FILTERS)} />
    </>
  );
}
