import { describe, expect, it } from 'vitest';
import {
  apiQueryFromFilters,
  filtersFromSearch,
  hasFilters,
  NO_FILTERS,
  searchFromFilters,
} from './filters';

describe('people filters', () => {
  it('reads the address, ignoring values the API does not know', () => {
    expect(filtersFromSearch(new URLSearchParams('q=chloe&role=AGENT&status=LEAVE&deleted=true'))).toEqual({
      q: 'chloe',
      role: 'AGENT',
      status: 'LEAVE',
      includeDeleted: true,
    });
    expect(filtersFromSearch(new URLSearchParams('role=BOSS&status=gone&deleted=1'))).toEqual(NO_FILTERS);
  });

  it('writes only the filters that are set, the search trimmed', () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
    expect(searchFromFilters({ ...NO_FILTERS, q: '  ana ', status: 'ACTIVE' }).toString()).toBe(
      'q=ana&status=ACTIVE',
    );
  });

  it('round-trips through the address', () => {
    const filters = { q: 'E1078', role: 'TEAM_LEADER' as const, status: null, includeDeleted: true };
    expect(filtersFromSearch(searchFromFilters(filters))).toEqual(filters);
  });

  it('turns into the query of GET /api/v1/users (none for no filter)', () => {
    expect(apiQueryFromFilters(NO_FILTERS)).toEqual({});
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, q: '   ' })).toBe(false);
    expect(
      apiQueryFromFilters({ q: ' lis ', role: 'AGENT', status: 'PIP', includeDeleted: true }),
    ).toEqual({ q: 'lis', role: 'AGENT', status: 'PIP', include_deleted: 'true' });
  });

  it('caps the search at the API limit of 200 characters', () => {
    expect(filtersFromSearch(new URLSearchParams({ q: 'x'.repeat(300) })).q).toHaveLength(200);
  });
});
