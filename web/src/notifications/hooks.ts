import {
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { AppNotification, NotificationPage } from '../api/types';
import { listNotifications, markAllRead, markRead } from './notificationsApi';
import { notificationKeys } from './queryKeys';

export function useNotifications() {
  return useInfiniteQuery<
    NotificationPage,
    ApiError,
    InfiniteData<NotificationPage>,
    ReturnType<typeof notificationKeys.list>,
    string | null
  >({
    queryKey: notificationKeys.list(),
    queryFn: ({ pageParam, signal }) => listNotifications(pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    staleTime: 0,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation<AppNotification, ApiError, string>({
    mutationFn: markRead,
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation<number, ApiError, void>({
    mutationFn: markAllRead,
    onSettled: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
