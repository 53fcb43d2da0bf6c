/** TanStack Query keys of the notification bell. */
export const notificationKeys = {
  all: ['notifications'] as const,
  /** GET /api/v1/notifications/unread-count */
  unread: () => [...notificationKeys.all, 'unread-count'] as const,
  /** GET /api/v1/notifications, a page at a time */
  list: () => [...notificationKeys.all, 'list'] as const,
};
