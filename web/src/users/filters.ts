// The people list's filters: kept in the address (/people?q=…&role=…&status=…), so a filtered
// list is a link and Back returns to it.
import type { Role, UserStatus } from '../api/types';

export interface PeopleFilters {
  /** Part of a name, email or employee id (the API's q). */
  q: string;
  role: Role | null;
  status: UserStatus | null;
  /** Soft-deleted people too (ADMIN only; the server ignores it for others). */
  includeDeleted: boolean;
}

export const NO_FILTERS: PeopleFilters = { q: '', role: null, status: null, includeDeleted: false };

export const ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'TEAM_LEADER', 'AGENT'];
export const STATUSES: readonly UserStatus[] = ['ACTIVE', 'PIP', 'LEAVE', 'TERMINATED'];

/** The API's limit on q. */
export const MAX_QUERY_LENGTH = 200;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** The filters of an address's query; unknown values are ignored. */
export function filtersFromSearch(search: URLSearchParams): PeopleFilters {
  return {
    q: (search.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    role: oneOf(ROLES, search.get('role')),
    status: oneOf(STATUSES, search.get('status')),
    includeDeleted: search.get('deleted') === 'true',
  };
}

/** The address query for filters (only the ones set, so the plain list is plain /people). */
export function searchFromFilters(filters: PeopleFilters): URLSearchParams {
  const search = new URLSearchParams();
  const q = filters.q.trim();
  if (q) search.set('q', q);
  if (filters.role) search.set('role', filters.role);
  if (filters.status) search.set('status', filters.status);
  if (filters.includeDeleted) search.set('deleted', 'true');
  return search;
}

export interface UserListQuery {
  q?: string;
  role?: Role;
  status?: UserStatus;
  include_deleted?: 'true';
}

/** The query parameters of GET /api/v1/users for the filters (none for an empty filter). */
export function apiQueryFromFilters(filters: PeopleFilters): UserListQuery {
  const query: UserListQuery = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.role) query.role = filters.role;
  if (filters.status) query.status = filters.status;
  if (filters.includeDeleted) query.include_deleted = 'true';
  return query;
}

export function hasFilters(filters: PeopleFilters): boolean {
  return Object.keys(apiQueryFromFilters(filters)).length > 0;
}
