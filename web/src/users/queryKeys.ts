import type { Role } from '../api/types';
import type { PeopleFilters } from './filters';

/** TanStack Query keys of the people area (GET /api/v1/users and /users/{id}). */
export const userKeys = {
  all: ['users'] as const,
  /** A filtered list, paged with next_cursor. */
  list: (filters: PeopleFilters) => [...userKeys.all, 'list', filters] as const,
  /** Everyone of one role in the caller's scope (pickers and the "Reports to" column). */
  directory: (role: Role) => [...userKeys.all, 'directory', role] as const,
  /** A search by name, email or employee id (the audit log's actor picker). */
  search: (q: string) => [...userKeys.all, 'search', q] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};
