import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { useMarkAllRead, useMarkRead, useNotifications } from './hooks';
import { badgeText, bellLabel, BellIcon } from './bell';
import { timeAgo } from './timeAgo';

/** Only the app's own paths ("/sessions/…"), never another origin. */
export function safeLink(link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || link.includes('\\')) return null;
  return link;
}

function NotificationItem({ item, onOpen }: { item: AppNotification; onOpen: (n: AppNotification) => void }) {
  const unread = item.read_at === null;
  return (
    <li>
      <button
        type="button"
        className={`bell-item${unread ? ' bell-item-unread' : ''}`}
        onClick={() => onOpen(item)}
      >
        <span className="bell-item-dot" aria-hidden="true" />
        <span className="bell-item-text">
          {unread && <span className="visually-hidden">Unread:</span>}{' '}
          <span className="bell-item-subject">{item.subject}</span>
          <span className="bell-item-time">{timeAgo(item.created_at)}</span>
        </span>
      </button>
    </li>
  );
}

function NotificationList({ unread, close }: { unread: number; close: () => void }) {
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  function open(item: AppNotification) {
    if (item.read_at === null) markRead.mutate(item.id);
    close();
    const to = safeLink(item.link);
    if (to) void navigate(to);
  }

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = unread > 0 || items.some((n) => n.read_at === null);
  return (
    <div className="bell-panel">
      <div className="bell-panel-header">
        <Heading slot="title" className="bell-title">
          Notifications
        </Heading>
        <button
          type="button"
          className="button button-secondary bell-mark-all"
          onClick={() => markAll.mutate()}
          disabled={!anyUnread || markAll.isPending}
        >
          {markAll.isPending ? 'Marking…' : 'Mark all read'}
        </button>
      </div>
      {markAll.isError && (
        <ErrorAlert title="Not marked read">
          <p>{markAll.error.message}</p>
        </ErrorAlert>
      )}
      {list.isPending ? (
        <p className="muted bell-note">Loading…</p>
      ) : list.isError ? (
        <ErrorAlert
          title="Could not load your notifications"
          action={
            <button type="button" className="button button-secondary" onClick={() => void list.refetch()}>
              Try again
            </button>
          }
        >
          <p>{list.error.message}</p>
        </ErrorAlert>
      ) : items.length === 0 ? (
        <p className="muted bell-note">No notifications.</p>
      ) : (
        <ul className="bell-list">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onOpen={open} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <button
          type="button"
          className="button button-secondary button-block"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Show older'}
        </button>
      )}
    </div>
  );
}

/** The bell's button and its popover (React Aria): the notifications, unread first. */
export function NotificationMenu({ unread }: { unread: number }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button className="bell-button" aria-label={bellLabel(unread)}>
        <BellIcon />
        {unread > 0 && (
          <span className="bell-badge" aria-hidden="true">
            {badgeText(unread)}
          </span>
        )}
      </Button>
      <Popover className="menu-popover bell-popover" placement="bottom end">
        <Dialog className="bell-dialog" aria-label="Notifications">
          <NotificationList unread={unread} close={() => setOpen(false)} />
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
