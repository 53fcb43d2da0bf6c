import { describe, expect, it } from 'vitest';
import type { DashboardCard } from '../api/types';
import { card } from './testCards';
import {
  applyQueueQuery,
  DEFAULT_QUERY,
  isFiltered,
  matchesQuery,
  normalizeForSearch,
  parseQueueQuery,
  queueQueryToParams,
  sortQueue,
  type QueueQuery,
} from './queueModel';

// The server's order: urgency descending, then the weaker composite, then name.
const TEAM: DashboardCard[] = [
  card({ name: 'Bianca Schmidt', urgency: 90, level: 'CRITICAL', composite: 53.33, days: 6 }),
  card({ name: 'Hana Ferreira', urgency: 67, level: 'FAIR', composite: 74.54, trend: 'DECLINING', days: 20 }),
  card({ name: 'Noor Ali', urgency: 35, level: null, composite: null, trend: null, days: null }),
  card({ name: 'zoë Ortega', urgency: 30, level: 'EXCELLENT', composite: 91.5, trend: 'IMPROVING', days: null }),
  card({ name: 'Diego Kowalski', urgency: 5, level: 'GOOD', composite: 80.19, days: 11 }),
  card({ name: 'Ana Lima', urgency: 5, level: 'GOOD', composite: 84.0, trend: 'INSUFFICIENT_DATA', days: 2 }),
];

const names = (cards: DashboardCard[]) => cards.map((c) => c.name);
const q = (over: Partial<QueueQuery>): QueueQuery => ({ ...DEFAULT_QUERY, ...over });

describe('filters', () => {
  it('keeps everyone with the default query, in the server order', () => {
    expect(names(applyQueueQuery(TEAM, DEFAULT_QUERY))).toEqual(names(TEAM));
  });

  it('filters by level, NONE meaning no level', () => {
    expect(names(applyQueueQuery(TEAM, q({ level: 'GOOD' })))).toEqual(['Diego Kowalski', 'Ana Lima']);
    expect(names(applyQueueQuery(TEAM, q({ level: 'NONE' })))).toEqual(['Noor Ali']);
    expect(applyQueueQuery(TEAM, q({ level: 'POOR' }))).toEqual([]);
  });

  it('filters by composite trend, NONE meaning no trend yet', () => {
    expect(names(applyQueueQuery(TEAM, q({ trend: 'DECLINING' })))).toEqual(['Hana Ferreira']);
    expect(names(applyQueueQuery(TEAM, q({ trend: 'IMPROVING' })))).toEqual(['zoë Ortega']);
    expect(names(applyQueueQuery(TEAM, q({ trend: 'INSUFFICIENT_DATA' })))).toEqual(['Ana Lima']);
    expect(names(applyQueueQuery(TEAM, q({ trend: 'NONE' })))).toEqual(['Noor Ali']);
  });

  it('searches names ignoring case, accents and surrounding spaces', () => {
    expect(names(applyQueueQuery(TEAM, q({ search: '  ZOE ' })))).toEqual(['zoë Ortega']);
    expect(names(applyQueueQuery(TEAM, q({ search: 'an' })))).toEqual([
      'Bianca Schmidt',
      'Hana Ferreira',
      'Ana Lima',
    ]);
    expect(applyQueueQuery(TEAM, q({ search: 'nobody' }))).toEqual([]);
    expect(normalizeForSearch('Zoë Ørtega')).toBe('zoe ørtega');
  });

  it('combines the filters', () => {
    expect(names(applyQueueQuery(TEAM, q({ level: 'GOOD', trend: 'STABLE', search: 'diego' })))).toEqual([
      'Diego Kowalski',
    ]);
    expect(matchesQuery(TEAM[0]!, q({ level: 'CRITICAL', trend: 'DECLINING' }))).toBe(false);
  });
});

describe('sorting', () => {
  it('sorts by urgency, ties keeping the server order', () => {
    expect(names(sortQueue(TEAM, 'urgency', 'desc'))).toEqual(names(TEAM));
    expect(names(sortQueue(TEAM, 'urgency', 'asc'))).toEqual([
      'Diego Kowalski',
      'Ana Lima',
      'zoë Ortega',
      'Noor Ali',
      'Hana Ferreira',
      'Bianca Schmidt',
    ]);
  });

  it('sorts by name whatever the case', () => {
    expect(names(sortQueue(TEAM, 'name', 'asc'))).toEqual([
      'Ana Lima',
      'Bianca Schmidt',
      'Diego Kowalski',
      'Hana Ferreira',
      'Noor Ali',
      'zoë Ortega',
    ]);
    expect(names(sortQueue(TEAM, 'name', 'desc'))[0]).toBe('zoë Ortega');
  });

  it('sorts by composite with agents without one last either way', () => {
    expect(names(sortQueue(TEAM, 'composite', 'asc'))).toEqual([
      'Bianca Schmidt',
      'Hana Ferreira',
      'Diego Kowalski',
      'Ana Lima',
      'zoë Ortega',
      'Noor Ali',
    ]);
    expect(names(sortQueue(TEAM, 'composite', 'desc'))).toEqual([
      'zoë Ortega',
      'Ana Lima',
      'Diego Kowalski',
      'Hana Ferreira',
      'Bianca Schmidt',
      'Noor Ali',
    ]);
  });

  it('sorts by days since coaching, never coached counting as the longest wait', () => {
    expect(names(sortQueue(TEAM, 'days', 'desc'))).toEqual([
      'Noor Ali',
      'zoë Ortega',
      'Hana Ferreira',
      'Diego Kowalski',
      'Bianca Schmidt',
      'Ana Lima',
    ]);
    expect(names(sortQueue(TEAM, 'days', 'asc'))).toEqual([
      'Ana Lima',
      'Bianca Schmidt',
      'Diego Kowalski',
      'Hana Ferreira',
      'Noor Ali',
      'zoë Ortega',
    ]);
  });

  it('does not change the list it was given', () => {
    const copy = [...TEAM];
    sortQueue(TEAM, 'name', 'asc');
    expect(TEAM).toEqual(copy);
  });
});

describe('the query in the address', () => {
  it('round-trips, leaving defaults out', () => {
    const query = q({ search: 'ana', level: 'FAIR', trend: 'DECLINING', sort: 'composite', direction: 'desc' });
    const params = queueQueryToParams(query);
    expect(params.toString()).toBe('q=ana&level=FAIR&trend=DECLINING&sort=composite&dir=desc');
    expect(parseQueueQuery(params)).toEqual(query);
    expect(queueQueryToParams(DEFAULT_QUERY).toString()).toBe('');
    // A sort's natural direction is implied.
    expect(queueQueryToParams(q({ sort: 'name', direction: 'asc' })).toString()).toBe('sort=name');
    expect(parseQueueQuery(new URLSearchParams('sort=days')).direction).toBe('desc');
  });

  it('ignores values it does not know', () => {
    expect(parseQueueQuery(new URLSearchParams('level=SUPERB&trend=UP&sort=height&dir=sideways'))).toEqual(
      DEFAULT_QUERY,
    );
  });

  it('says when a filter is on', () => {
    expect(isFiltered(DEFAULT_QUERY)).toBe(false);
    expect(isFiltered(q({ sort: 'name' }))).toBe(false);
    expect(isFiltered(q({ search: ' ' }))).toBe(false);
    expect(isFiltered(q({ level: 'NONE' }))).toBe(true);
  });
});
