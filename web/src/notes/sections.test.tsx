import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../api/types';
import { createQueryClient } from '../auth/queryClient';
import { meKey } from '../auth/queryKeys';
import { fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { AgentNotesSection } from './AgentNotesSection';
import { OverdueNotesSection } from './OverdueNotesSection';
import { makeNote } from './testing';

afterEach(cleanup);

/** `ui` as `me` would see it, inside a router and a query client. */
function renderAs(me: User, ui: ReactNode) {
  const client = createQueryClient({ retryDelayMs: 0 });
  client.setQueryData(meKey, me);
  const router = createMemoryRouter([{ path: '*', element: ui }]);
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

const queryOf = (req: RecordedRequest) => Object.fromEntries(new URL(req.url, 'http://x').searchParams);

describe("the agent page's notes", () => {
  const AGENT_ID = 'agent-bianca';
  const open = [
    makeNote({ agent_id: AGENT_ID, content: 'Open and late.', overdue: true, address_by: '2026-12-01T09:00:00Z' }),
    makeNote({ agent_id: AGENT_ID, content: 'Open, due later.' }),
  ];
  const done = [makeNote({ agent_id: AGENT_ID, content: 'Dealt with.', addressed: true, addressed_notes: 'Huddle.' })];

  function setup(me: User) {
    const api = fakeApi({
      'GET /api/v1/quick-notes': (req) =>
        jsonResponse(200, { items: queryOf(req).addressed === 'true' ? done : open, next_cursor: null }),
    });
    renderAs(me, <AgentNotesSection agentId={AGENT_ID} />);
    return api;
  }

  it('shows the open notes first and fetches the addressed ones only when unfolded', async () => {
    const { requests } = setup(makeUser({ name: 'Jordan Blake', role: 'TEAM_LEADER' }));
    const section = await screen.findByRole('region', { name: 'Quick notes' });
    expect(await within(section).findByText('Open and late.')).toBeTruthy();
    expect(within(section).getByText('Open, due later.')).toBeTruthy();
    expect(within(section).getByText('2 open notes, newest first.')).toBeTruthy();
    expect(within(section).queryByText('Dealt with.')).toBeNull();
    expect(requests.map(queryOf)).toEqual([{ agent_id: AGENT_ID, addressed: 'false', limit: '20' }]);
    expect(within(section).getByRole('link', { name: 'Add note' }).getAttribute('href')).toBe(
      `/notes/new?agent_id=${AGENT_ID}`,
    );
    expect(within(section).getAllByRole('button', { name: /^Address the note/ })).toHaveLength(2);

    const folded = within(section).getByText('Addressed notes');
    const details = folded.closest('details');
    if (!details) throw new Error('no <details>');
    details.open = true;
    fireEvent(details, new Event('toggle'));
    expect(await within(section).findByText('Dealt with.')).toBeTruthy();
    expect(queryOf(requests.at(-1)!)).toEqual({ agent_id: AGENT_ID, addressed: 'true', limit: '20' });
  });

  it('lets a manager read but not write or address', async () => {
    setup(makeUser({ name: 'Morgan Lee', role: 'MANAGER' }));
    const section = await screen.findByRole('region', { name: 'Quick notes' });
    await within(section).findByText('Open and late.');
    expect(within(section).queryByRole('link', { name: 'Add note' })).toBeNull();
    expect(within(section).queryByRole('button', { name: /Address/ })).toBeNull();
  });
});

describe("the manager's notes past their deadline", () => {
  const manager = makeUser({ name: 'Morgan Lee', role: 'MANAGER' });
  const leaders = [
    makeUser({ name: 'Jordan Blake', role: 'TEAM_LEADER', id: 'tl-jordan' }),
    makeUser({ name: 'Kim Ito', role: 'TEAM_LEADER', id: 'tl-kim' }),
  ];
  const day = 24 * 60 * 60 * 1000;
  const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

  it('counts them and lists them most late first, with agent, lateness, type and team leader', async () => {
    const late = [
      makeNote({ agent_name: 'Ana Ruiz', team_leader_id: 'tl-kim', note_type: 'URGENT', priority: 'HIGH', address_by: ago(2.5), overdue: true }),
      makeNote({ agent_name: 'Ben Ode', team_leader_id: 'tl-jordan', note_type: 'COACHING', priority: 'MEDIUM', address_by: ago(9.2), overdue: true }),
    ];
    const extra = Array.from({ length: 10 }, (_, i) =>
      makeNote({ agent_name: `Agent ${i}`, address_by: ago(1 + i / 100), overdue: true }),
    );
    const { requests } = fakeApi({
      'GET /api/v1/quick-notes': (req) =>
        queryOf(req).cursor === 'p2'
          ? jsonResponse(200, { items: extra, next_cursor: null })
          : jsonResponse(200, { items: late, next_cursor: 'p2' }),
      'GET /api/v1/users': () => jsonResponse(200, { items: leaders, next_cursor: null }),
    });
    renderAs(manager, <OverdueNotesSection />);
    const section = await screen.findByRole('region', { name: 'Notes past their deadline' });
    await within(section).findByText('12');
    expect(section.textContent).toContain('12 open notes are past their deadline.');
    const notes = requests.filter((r) => r.url.startsWith('/api/v1/quick-notes'));
    expect(notes.map(queryOf)).toEqual([
      { overdue: 'true', limit: '500' },
      { overdue: 'true', limit: '500', cursor: 'p2' },
    ]);

    const table = within(section).getByRole('table', { name: 'Notes past their deadline, most late first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(10);
    expect(within(rows[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '9 days late',
      'Coaching (Medium priority)',
      'Jordan Blake',
    ]);
    expect(within(rows[0]!).getByRole('link', { name: 'Ben Ode' })).toBeTruthy();
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      '2 days late',
      'Urgent (High priority)',
      'Kim Ito',
    ]);
    fireEvent.click(within(section).getByRole('button', { name: 'Show all 12' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(13));
    expect(within(section).getByRole('link', { name: 'Open them in Notes' }).getAttribute('href')).toBe(
      '/notes?overdue=true',
    );
  });

  it('says so when none is late', async () => {
    fakeApi({
      'GET /api/v1/quick-notes': () => jsonResponse(200, { items: [], next_cursor: null }),
      'GET /api/v1/users': () => jsonResponse(200, { items: leaders, next_cursor: null }),
    });
    renderAs(manager, <OverdueNotesSection />);
    expect(await screen.findByText(/No note is past its deadline/)).toBeTruthy();
  });
});
