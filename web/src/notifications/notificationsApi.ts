// The signed-in user's notifications (src/notifications/api.json on the server): the bell.
import { api, ok } from '../api/client';
import type { AppNotification, NotificationPage } from '../api/types';

export const NOTIFICATIONS_PAGE_SIZE = 20;

export async function unreadCount(signal?: AbortSignal): Promise<number> {
  const { unread } = await ok(api.GET('/api/v1/notifications/unread-count', { signal }));
  return unread;
}

/** Unread first, newest first (the server's order). */
export function listNotifications(cursor: string | null, signal?: AbortSignal): Promise<NotificationPage> {
  return ok(
    api.GET('/api/v1/notifications', {
      params: { query: { limit: NOTIFICATIONS_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
      signal,
    }),
  );
}

export function markRead(id: string): Promise<AppNotification> {
  return ok(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
}

export async function markAllRead(): Promise<number> {
  const { marked } = await ok(api.POST('/api/v1/notifications/read-all'));
  return marked;
}
