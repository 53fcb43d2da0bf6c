import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { weekRange } from './dates';
import { makeSession } from './testing';

const TL = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const MANAGER = makeUser({ name: 'Morgan Lee', role: 'MANAGER' });
const AGENT = makeUser({ name: 'Sam Patel', role: 'AGENT' });

const local = (d: number, h: number, m = 0) => new Date(2026, 11, d, h, m).toISOString();

const WEEK = [
  makeSession({ id: 'a', agent_name: 'Sam Patel', scheduled_date: local(7, 9), status: 'COMPLETED' }),
  makeSession({ id: 'b', agent_name: 'Riley Chen', scheduled_date: local(7, 8, 30), planned_minutes: 45 }),
  makeSession({ id: 'c', agent_name: 'Ana Lima', scheduled_date: local(9, 14), session_type: 'PIP_CHECK', status: 'NO_SHOW' }),
];

function open(path: string, viewer = TL, answer: (req: RecordedRequest) => Response = () =>
  jsonResponse(200, { items: WEEK, next_cursor: null })) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, viewer),
    'GET /api/v1/coaching-sessions': answer,
  });
  return { ...api, ...renderApp(path) };
}

const sessionCalls = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/coaching-sessions?'));

afterEach(cleanup);

describe('the sessions week', () => {
  it('lists the week by day, in time order, with the status in words', async () => {
    const { requests } = open('/sessions?week=2026-12-09');
    await screen.findByRole('heading', { level: 1, name: 'Sessions' });
    const week = await screen.findByRole('region', { name: /^Week of/ });
    await within(week).findByRole('link', { name: 'Riley Chen' });
    const query = new URL(`http://x${sessionCalls(requests)[0]!.url}`).searchParams;
    const { from, to } = weekRange('2026-12-07');
    expect(query.get('from')).toBe(from);
    expect(query.get('to')).toBe(to);
    expect(query.get('order')).toBe('asc');

    const days = within(week).getAllByRole('heading', { level: 3 });
    expect(days).toHaveLength(7);
    const monday = days[0]!.closest('li')!;
    const links = within(monday).getAllByRole('link').map((a) => a.textContent);
    expect(links).toEqual(['Riley Chen', 'Sam Patel']);
    expect(within(monday).getByText('Completed')).toBeTruthy();
    expect(within(monday).getByText('Scheduled')).toBeTruthy();
    const wednesday = days[2]!.closest('li')!;
    expect(within(wednesday).getByText('No-show')).toBeTruthy();
    expect(within(wednesday).getByText('PIP check-in')).toBeTruthy();
    expect(within(days[1]!.closest('li')!).getByText('No sessions.')).toBeTruthy();
    expect(within(week).getByRole('status').textContent).toBe('3 sessions');
    // A team leader sees only their own: no "with <team leader>".
    expect(within(week).queryByText(/with Jordan Reyes/)).toBeNull();
  });

  it('moves between weeks and filters by status through the address', async () => {
    const { requests, router } = open('/sessions?week=2026-12-07');
    await screen.findByRole('link', { name: 'Riley Chen' });
    const nav = screen.getByRole('navigation', { name: 'Weeks' });
    expect(within(nav).getByRole('link', { name: /Previous week/ }).getAttribute('href')).toBe('/sessions?week=2026-11-30');
    expect(within(nav).getByRole('link', { name: /Next week/ }).getAttribute('href')).toBe('/sessions?week=2026-12-14');
    expect(within(nav).getByRole('link', { name: 'This week' }).getAttribute('href')).toBe('/sessions');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'COMPLETED' } });
    expect(currentPath(router)).toBe('/sessions?week=2026-12-07&status=COMPLETED');
    await screen.findByRole('link', { name: 'Riley Chen' });
    expect(sessionCalls(requests).some((r) => r.url.includes('status=COMPLETED'))).toBe(true);
  });

  it('shows the week as a calendar grid, each session in words', async () => {
    const { router } = open('/sessions?week=2026-12-07');
    await screen.findByRole('link', { name: 'Riley Chen' });
    fireEvent.click(screen.getByRole('radio', { name: 'Calendar' }));
    expect(currentPath(router)).toBe('/sessions?week=2026-12-07&view=grid');
    const block = await screen.findByRole('link', { name: /Ana Lima/ });
    expect(block.textContent).toContain('No-show');
    expect(block.textContent).toContain('PIP check-in');
    expect(block.getAttribute('href')).toBe('/sessions/c');
  });

  it('names the team leader for a manager, and says when the week is empty or failed', async () => {
    open('/sessions?week=2026-12-07', MANAGER);
    expect(await screen.findAllByText(/with Jordan Reyes/)).toHaveLength(3);
    cleanup();
    open('/sessions?week=2026-12-07', MANAGER, () => jsonResponse(200, { items: [], next_cursor: null }));
    expect(await screen.findByText(/No sessions this week/)).toBeTruthy();
    cleanup();
    open('/sessions?week=2026-12-07', MANAGER, () => apiError(503, 'unavailable', 'The database is unavailable.'));
    expect((await screen.findByRole('alert')).textContent).toContain('The database is unavailable.');
  });

  it('is not offered to agents', async () => {
    const { requests } = open('/sessions', AGENT);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(sessionCalls(requests)).toHaveLength(0);
  });
});
