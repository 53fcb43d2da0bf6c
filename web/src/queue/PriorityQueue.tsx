import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportLinks } from '../components/ExportLinks';
import { LoadingState } from '../components/LoadingState';
import { formatDay, plural } from '../format/performance';
import { QueueFilters } from './QueueFilters';
import {
  applyQueueQuery,
  DEFAULT_QUERY,
  parseQueueQuery,
  queueQueryToParams,
  type QueueQuery,
} from './queueModel';
import { QueueTable } from './QueueTable';
import { useTeamQueue } from './useTeamQueue';

/** The team leader's agents, most urgent first, with why; filters and sort in the address. */
export function PriorityQueue() {
  const queue = useTeamQueue();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseQueueQuery(params), [params]);
  const setQuery = (next: QueueQuery) => setParams(queueQueryToParams(next), { replace: true });

  const agents = queue.data?.agents;
  const shown = useMemo(() => (agents ? applyQueueQuery(agents, query) : []), [agents, query]);

  if (queue.isPending) return <LoadingState label="Loading your team…" />;
  if (queue.isError) {
    return (
      <ErrorAlert
        title="Could not load your team"
        action={
          <button type="button" className="button button-secondary" onClick={() => void queue.refetch()}>
            Try again
          </button>
        }
      >
        <p>{queue.error.message}</p>
      </ErrorAlert>
    );
  }
  const total = queue.data.agents.length;
  if (total === 0) {
    return (
      <section className="card" aria-labelledby="queue-empty-heading">
        <div className="card-header">
          <h2 id="queue-empty-heading">No agents yet</h2>
        </div>
        <p className="muted">
          No active agent reports to you. Agents appear here once an administrator assigns them
          to your team.
        </p>
      </section>
    );
  }

  const count = `Showing ${shown.length} of ${plural(total, 'agent')}`;
  return (
    <section className="card queue" aria-labelledby="queue-heading">
      <div className="card-header">
        <h2 id="queue-heading">Who to coach next</h2>
        <div className="queue-meta">
          <p className="muted" role="status">
            {count}
          </p>
          <p className="muted">Figures as of {formatDay(queue.data.as_of)}</p>
          <ExportLinks href={`/api/v1/teams/${encodeURIComponent(me.id)}/dashboard/export`} what="the priority queue" />
        </div>
      </div>
      <div className="card-body queue-body">
        <QueueFilters
          query={query}
          onChange={setQuery}
          onClear={() => setQuery({ ...DEFAULT_QUERY, sort: query.sort, direction: query.direction })}
        />
        {shown.length === 0 ? (
          <p className="queue-none">No agent matches these filters.</p>
        ) : (
          <QueueTable
            answer={queue.data}
            cards={shown}
            sort={query.sort}
            direction={query.direction}
            onSort={(sort, direction) => setQuery({ ...query, sort, direction })}
            caption={`Your team's agents by coaching urgency. ${count}.`}
          />
        )}
      </div>
    </section>
  );
}
