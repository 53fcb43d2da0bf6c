import { FormField } from '../components/FormField';
import { LEVELS, levelLabel, TRENDS_IN_ORDER, trendLabel } from '../format/performance';
import {
  DEFAULT_DIRECTION,
  isFiltered,
  type LevelFilter,
  type QueueQuery,
  type SortDirection,
  type SortKey,
  type TrendFilter,
} from './queueModel';

interface Props {
  query: QueueQuery;
  onChange: (query: QueueQuery) => void;
  onClear: () => void;
}

const SORT_LABELS: Record<SortKey, string> = {
  urgency: 'Urgency',
  name: 'Name',
  composite: 'Composite (30 days)',
  days: 'Days since coaching',
};

const DIRECTION_LABELS: Record<SortKey, Record<SortDirection, string>> = {
  urgency: { desc: 'Most urgent first', asc: 'Least urgent first' },
  name: { asc: 'A to Z', desc: 'Z to A' },
  composite: { asc: 'Lowest first', desc: 'Highest first' },
  days: { desc: 'Longest wait first', asc: 'Shortest wait first' },
};

/** Search, level and trend filters and the sort order of the priority queue. */
export function QueueFilters({ query, onChange, onClear }: Props) {
  const dirs: SortDirection[] =
    DEFAULT_DIRECTION[query.sort] === 'asc' ? ['asc', 'desc'] : ['desc', 'asc'];
  return (
    <form
      role="search"
      className="queue-filters"
      aria-label="Filter and sort the queue"
      onSubmit={(e) => e.preventDefault()}
    >
      <FormField label="Search by name">
        {(control) => (
          <input
            {...control}
            type="search"
            autoComplete="off"
            value={query.search}
            onChange={(e) => onChange({ ...query, search: e.target.value })}
          />
        )}
      </FormField>
      <FormField label="Level">
        {(control) => (
          <select
            {...control}
            value={query.level}
            onChange={(e) => onChange({ ...query, level: e.target.value as LevelFilter })}
          >
            <option value="ALL">All levels</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {levelLabel(level)}
              </option>
            ))}
            <option value="NONE">{levelLabel(null)}</option>
          </select>
        )}
      </FormField>
      <FormField label="Composite trend">
        {(control) => (
          <select
            {...control}
            value={query.trend}
            onChange={(e) => onChange({ ...query, trend: e.target.value as TrendFilter })}
          >
            <option value="ALL">All trends</option>
            {TRENDS_IN_ORDER.map((trend) => (
              <option key={trend} value={trend}>
                {trendLabel(trend)}
              </option>
            ))}
            <option value="NONE">{trendLabel(null)}</option>
          </select>
        )}
      </FormField>
      <FormField label="Sort by">
        {(control) => (
          <select
            {...control}
            value={query.sort}
            onChange={(e) => {
              const sort = e.target.value as SortKey;
              onChange({ ...query, sort, direction: DEFAULT_DIRECTION[sort] });
            }}
          >
            {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Order">
        {(control) => (
          <select
            {...control}
            value={query.direction}
            onChange={(e) => onChange({ ...query, direction: e.target.value as SortDirection })}
          >
            {dirs.map((dir) => (
              <option key={dir} value={dir}>
                {DIRECTION_LABELS[query.sort][dir]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {isFiltered(query) && (
        <div className="queue-clear">
          <button type="button" className="button button-secondary" onClick={onClear}>
            Clear filters
          </button>
        </div>
      )}
    </form>
  );
}
