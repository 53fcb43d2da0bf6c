import { api } from '../api/client';
import type { Page, User } from '../api/types';

export const PEOPLE_PAGE_SIZE = 50;

export function listUsers(cursor: string | null, signal?: AbortSignal): Promise<Page<User>> {
  const params = new URLSearchParams({ limit: String(PEOPLE_PAGE_SIZE) });
  if (cursor) params.set('cursor', cursor);
  return api.get<Page<User>>(`/api/v1/users?${params.toString()}`, signal);
}
