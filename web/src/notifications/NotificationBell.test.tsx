import { focusManager } from '@tanstack/react-query';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import { makeNotification, makeSession, sessionResponse } from '../sessions/testing';
import { fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { safeLink } from './NotificationMenu';

const AGENT = makeUser({ name: 'Sam Patel', role: 'AGENT', id: 'id-sam.patel' });
const SESSION_ID = '11111111-1111-4111-8111-111111111111';

const unreadOne = makeNotification({ id: 'n-1' });
const unreadTwo = makeNotification({
  id: 'n-2',
  kind: 'session_scheduled',
  subject: 'Coaching session scheduled for 2026-12-13 18:00 (+01:00).',
});
const readOne = makeNotification({
  id: 'n-3',
  kind: 'session_changed',
  subject: 'Your coaching session moved.',
  read_at: new Date().toISOString(),
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function open() {
  setCsrfToken('csrf-1');
  let unread = 2;
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, AGENT),
    'GET /api/v1/notifications/unread-count': () => jsonResponse(200, { unread }),
    'GET /api/v1/notifications': () =>
      jsonResponse(200, { items: [unreadOne, unreadTwo, readOne], next_cursor: null }),
    'POST /api/v1/notifications/n-1/read': () => {
      unread -= 1;
      return jsonResponse(200, { ...unreadOne, read_at: new Date().toISOString() });
    },
    'POST /api/v1/notifications/read-all': () => {
      const marked = unread;
      unread = 0;
      return jsonResponse(200, { marked });
    },
    [`GET /api/v1/coaching-sessions/${SESSION_ID}`]: () =>
      sessionResponse(makeSession({ status: 'COMPLETED', summary: 'Hold times are better.' })),
  });
  return { ...api, ...renderApp('/account') };
}

describe('the notification bell', () => {
  it('names the unread count, lists unread first, and opens one (marking it read)', async () => {
    const { requests, router } = open();
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    fireEvent.click(bell);
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    const items = await within(dialog).findAllByRole('button', { name: /Unread:|moved/ });
    expect(items.map((b) => b.textContent)).toEqual([
      expect.stringContaining("Unread: Your coaching session's summary is ready"),
      expect.stringContaining('Unread: Coaching session scheduled'),
      expect.stringContaining('Your coaching session moved.'),
    ]);
    expect(items[0]!.textContent).toContain('5 minutes ago');

    fireEvent.click(items[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Coaching session with Jordan Reyes' });
    expect(currentPath(router)).toBe(`/sessions/${SESSION_ID}`);
    expect(requests.some((r) => r.method === 'POST' && r.url === '/api/v1/notifications/n-1/read')).toBe(true);
    expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeTruthy();
  });

  it('asks for the count again when the window gets focus', async () => {
    const { requests } = open();
    await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    const counts = () => requests.filter((r) => r.url === '/api/v1/notifications/unread-count').length;
    const before = counts();
    act(() => {
      focusManager.setFocused(false);
      focusManager.setFocused(true);
    });
    await waitFor(() => expect(counts()).toBe(before + 1));
    focusManager.setFocused(undefined);
  });

  it('marks everything read', async () => {
    const { requests } = open();
    fireEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Notifications' });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Mark all read' }));
    await waitFor(() => expect(requests.some((r) => r.url === '/api/v1/notifications/read-all')).toBe(true));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy();
  });

  it('follows only the app\'s own paths', () => {
    expect(safeLink('/sessions/1')).toBe('/sessions/1');
    expect(safeLink('//evil.example/x')).toBeNull();
    expect(safeLink('https://evil.example/')).toBeNull();
    expect(safeLink(null)).toBeNull();
  });
});
