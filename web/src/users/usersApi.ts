import { api, ok } from '../api/client';
import type { UserPage } from '../api/types';

export const PEOPLE_PAGE_SIZE = 50;

export function listUsers(cursor: string | null, signal?: AbortSignal): Promise<UserPage> {
  return ok(
    api.GET('/api/v1/users', {
      params: { query: { limit: PEOPLE_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}
