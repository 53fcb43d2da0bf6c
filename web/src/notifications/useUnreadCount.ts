import { useQuery } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import { unreadCount } from './notificationsApi';
import { notificationKeys } from './queryKeys';

// The header's part of the bell (first load); the menu's hooks are in hooks.ts (loaded with it).

/** How often the bell asks for the unread count (and again whenever the window gets focus). */
export const UNREAD_REFRESH_MS = 60_000;

export function useUnreadCount() {
  return useQuery<number, ApiError>({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => unreadCount(signal),
    refetchInterval: UNREAD_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}
