import { lazy, Suspense } from 'react';
import { badgeText, BellIcon } from './bell';
import { useUnreadCount } from './useUnreadCount';

// The menu (React Aria's dialog and popover) loads after the page, like the account menu: the
// header's first load carries only the count.
const NotificationMenu = lazy(() =>
  import('./NotificationMenu').then((m) => ({ default: m.NotificationMenu })),
);

/**
 * The header's bell: the unread count (asked every minute and when the window gets focus) as a
 * badge, and a menu of the notifications, unread first.
 */
export function NotificationBell() {
  const unread = useUnreadCount();
  // A failed count shows the bell without one (the menu says what went wrong when opened).
  const count = unread.data ?? 0;
  return (
    <Suspense
      fallback={
        <span className="bell-button" aria-hidden="true">
          <BellIcon />
          {count > 0 && <span className="bell-badge">{badgeText(count)}</span>}
        </span>
      }
    >
      <NotificationMenu unread={count} />
    </Suspense>
  );
}
