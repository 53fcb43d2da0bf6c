// The priority queue's filters and sort orders: pure functions over the team dashboard's cards.
// GET /api/v1/dashboard answers a team leader's whole team (no paging), most urgent first, so
// filtering and sorting happen here, on the fetched list.
import type { DashboardCard } from '../api/types';
import { LEVELS, TRENDS_IN_ORDER, type Level, type Trend } from '../format/performance';

/** A level, NONE (no level) or ALL. */
export type LevelFilter = Level | 'NONE' | 'ALL';
/** A composite trend, NONE (no trend yet) or ALL. */
export type TrendFilter = Trend | 'NONE' | 'ALL';
export type SortKey = 'urgency' | 'name' | 'composite' | 'days';
export type SortDirection = 'asc' | 'desc';

export interface QueueQuery {
  search: string;
  level: LevelFilter;
  trend: TrendFilter;
  sort: SortKey;
  direction: SortDirection;
}

export const DEFAULT_QUERY: QueueQuery = {
  search: '',
  level: 'ALL',
  trend: 'ALL',
  sort: 'urgency',
  direction: 'desc',
};

/** Each sort's natural direction: most urgent, A to Z, weakest composite, longest wait first. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = {
  urgency: 'desc',
  name: 'asc',
  composite: 'asc',
  days: 'desc',
};

export function compositeOf(card: DashboardCard): number | null {
  return card.avg_30d?.composite_score ?? null;
}

export function compositeTrendOf(card: DashboardCard): Trend | null {
  return card.trends?.composite_score ?? null;
}

/** Lower case without accents, so "zoe" finds "Zoë". */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

export function matchesQuery(card: DashboardCard, query: QueueQuery): boolean {
  if (query.level !== 'ALL') {
    const level = card.performance_level ?? 'NONE';
    if (level !== query.level) return false;
  }
  if (query.trend !== 'ALL') {
    const trend = compositeTrendOf(card) ?? 'NONE';
    if (trend !== query.trend) return false;
  }
  const needle = normalizeForSearch(query.search);
  if (needle !== '' && !normalizeForSearch(card.name).includes(needle)) return false;
  return true;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

type Compare = (a: DashboardCard, b: DashboardCard) => number;

/** Numbers in the direction asked, missing ones (null) always last. */
function byNumber(get: (c: DashboardCard) => number | null, direction: SortDirection): Compare {
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null && y === null) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return direction === 'asc' ? x - y : y - x;
  };
}

function comparator(sort: SortKey, direction: SortDirection): Compare {
  switch (sort) {
    case 'urgency':
      return byNumber((c) => c.urgency_score, direction);
    case 'composite':
      return byNumber(compositeOf, direction);
    case 'days':
      // Never coached waits longest of all: it sorts as the most days.
      return byNumber((c) => c.days_since_last_coaching ?? Number.POSITIVE_INFINITY, direction);
    case 'name':
      return (a, b) => {
        const c = collator.compare(a.name, b.name);
        return direction === 'asc' ? c : -c;
      };
  }
}

/**
 * The cards in the order asked. Ties keep the server's order (urgency, then the weaker
 * composite, then name), so equal scores never shuffle between renders.
 */
export function sortQueue(
  cards: readonly DashboardCard[],
  sort: SortKey,
  direction: SortDirection,
): DashboardCard[] {
  const compare = comparator(sort, direction);
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => compare(a.card, b.card) || a.index - b.index)
    .map(({ card }) => card);
}

export function applyQueueQuery(cards: readonly DashboardCard[], query: QueueQuery): DashboardCard[] {
  return sortQueue(
    cards.filter((c) => matchesQuery(c, query)),
    query.sort,
    query.direction,
  );
}

// The query lives in the address (?q=&level=&trend=&sort=&dir=), so going back from an agent's
// page finds the queue as it was left.

const LEVEL_FILTERS: readonly string[] = ['ALL', 'NONE', ...LEVELS];
const TREND_FILTERS: readonly string[] = ['ALL', 'NONE', ...TRENDS_IN_ORDER];
const SORT_KEYS: readonly string[] = ['urgency', 'name', 'composite', 'days'];

export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const level = params.get('level') ?? 'ALL';
  const trend = params.get('trend') ?? 'ALL';
  const sortParam = params.get('sort') ?? 'urgency';
  const sort = (SORT_KEYS.includes(sortParam) ? sortParam : 'urgency') as SortKey;
  const dir = params.get('dir');
  return {
    search: params.get('q') ?? '',
    level: (LEVEL_FILTERS.includes(level) ? level : 'ALL') as LevelFilter,
    trend: (TREND_FILTERS.includes(trend) ? trend : 'ALL') as TrendFilter,
    sort,
    direction: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIRECTION[sort],
  };
}

/** The address form of a query; defaults are left out. */
export function queueQueryToParams(query: QueueQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search !== '') params.set('q', query.search);
  if (query.level !== 'ALL') params.set('level', query.level);
  if (query.trend !== 'ALL') params.set('trend', query.trend);
  if (query.sort !== 'urgency') params.set('sort', query.sort);
  if (query.direction !== DEFAULT_DIRECTION[query.sort]) params.set('dir', query.direction);
  return params;
}

export function isFiltered(query: QueueQuery): boolean {
  return query.search.trim() !== '' || query.level !== 'ALL' || query.trend !== 'ALL';
}
