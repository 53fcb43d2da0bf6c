import { api, ok } from '../api/client';
import type { Role, User, UserCreate, UserPage, UserPatch } from '../api/types';
import { apiQueryFromFilters, type PeopleFilters } from './filters';

export const PEOPLE_PAGE_SIZE = 50;
/** The API's largest page: a directory of one role is read in pages of this size. */
const DIRECTORY_PAGE_SIZE = 500;
/** A directory stops after this many pages (5,000 people of one role). */
const DIRECTORY_MAX_PAGES = 10;

export function listUsers(
  filters: PeopleFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  return ok(
    api.GET('/api/v1/users', {
      params: {
        query: {
          limit: PEOPLE_PAGE_SIZE,
          ...apiQueryFromFilters(filters),
          ...(cursor ? { cursor } : {}),
        },
      },
      signal,
    }),
  );
}

/** Everyone of `role` the caller may see, every page (there are few team leaders and managers). */
export async function listDirectory(role: Role, signal?: AbortSignal): Promise<User[]> {
  const people: User[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < DIRECTORY_MAX_PAGES; i++) {
    const page: UserPage = await ok(
      api.GET('/api/v1/users', {
        params: { query: { role, limit: DIRECTORY_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    people.push(...page.items);
    cursor = page.next_cursor;
    if (!cursor) break;
  }
  return people;
}

/** Up to `limit` people matching q (name, email or employee id), deleted ones too for ADMINs. */
export async function searchUsers(q: string, signal?: AbortSignal, limit = 20): Promise<User[]> {
  const page = await ok(
    api.GET('/api/v1/users', {
      params: { query: { q, limit, include_deleted: 'true' } },
      signal,
    }),
  );
  return page.items;
}

export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return ok(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal }));
}

export function createUser(body: UserCreate): Promise<User> {
  return ok(api.POST('/api/v1/users', { body }));
}

export function updateUser(id: string, body: UserPatch): Promise<User> {
  return ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }));
}

export async function deleteUser(id: string): Promise<void> {
  await api.DELETE('/api/v1/users/{id}', { params: { path: { id } } });
}

/** Always 202 (whether or not the address has an account); the mail goes out from the outbox. */
export async function requestPasswordReset(email: string): Promise<string> {
  const res = await ok(api.POST('/api/v1/auth/password-reset', { body: { email } }));
  return res.message;
}
