import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { CoachingSession } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { makePrep, makeSession, sessionResponse } from './testing';

const TL = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const AGENT = makeUser({ name: 'Sam Patel', role: 'AGENT' });
const ID = '11111111-1111-4111-8111-111111111111';
const PATH = `/api/v1/coaching-sessions/${ID}`;

type Routes = Parameters<typeof fakeApi>[0];

async function openSession(session: () => CoachingSession, routes: Routes = {}, viewer = TL) {
  setCsrfToken('csrf-1');
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, viewer),
    'GET /api/v1/notifications/unread-count': () => jsonResponse(200, { unread: 0 }),
    [`GET ${PATH}`]: () => sessionResponse(session()),
    ...routes,
  });
  renderApp(`/sessions/${ID}`);
  await screen.findByRole('heading', { level: 1 });
  return api;
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe("the session's prep", () => {
  it('is built on request, then shows the agenda with its reasons and minutes', async () => {
    let current = makeSession();
    const prep = makePrep();
    const { requests } = await openSession(() => current, {
      [`POST ${PATH}/prep`]: () => {
        current = makeSession({ prep_data: prep, version: 2 });
        return jsonResponse(200, prep, { ETag: '"2"' });
      },
    });
    const section = screen.getByRole('region', { name: 'Prep' });
    expect(within(section).getByText(/^No prep yet/)).toBeTruthy();

    fireEvent.click(within(section).getByRole('button', { name: 'Prepare' }));
    expect(await within(section).findByText('Work on quality')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST' && r.url === `${PATH}/prep`)).toHaveLength(1);
    const items = within(section)
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('prep-agenda-item'));
    expect(items.map((li) => li.textContent)).toEqual([
      'Check in3 minutesHow the agent is doing',
      'Work on quality13 minutesquality fell 8.2 points in 30 days; team average 84.0',
      'Talk through the open notes7 minutes1 open note',
      'Agree actions7 minutesWhat the agent will do next',
    ]);
    expect(within(section).getByText('30 minutes in all.')).toBeTruthy();
    expect(within(section).getByRole('button', { name: 'Prepare again' })).toBeTruthy();
    expect(within(section).queryByText(/^No prep yet/)).toBeNull();
  });

  it('names what is behind, the methods with their evidence, the open notes and items', async () => {
    await openSession(() => makeSession({ prep_data: makePrep() }));
    const section = screen.getByRole('region', { name: 'Prep' });
    expect(within(section).getByText('Quality fell 8.2 points in 30 days; team average 84.0')).toBeTruthy();
    expect(within(section).getByText('Nothing clearly ahead of the team.')).toBeTruthy();
    expect(
      within(section).getByText('Shadowing worked best for Quality: +6.0 % on average over 2 sessions.'),
    ).toBeTruthy();
    expect(within(section).getByText('Shadowing: +6.0 % on average over 2 sessions')).toBeTruthy();
    expect(within(section).getByText('Rushed a verification on a card change')).toBeTruthy();
    expect(within(section).getByText('Overdue')).toBeTruthy();
    expect(within(section).getByText('Shadow a senior')).toBeTruthy();
    expect(within(section).getByText('No completed session yet.')).toBeTruthy();
    expect(within(section).getByText('No coaching profile yet.')).toBeTruthy();
  });

  it('shows the figures against the month before and the team, AHT in seconds', async () => {
    await openSession(() => makeSession({ prep_data: makePrep() }));
    const table = within(screen.getByRole('region', { name: 'Prep' })).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.querySelectorAll('th, td'), (c) => c.textContent));
    expect(rows).toEqual([
      ['Quality', '76.0', '84.2', '84.0'],
      ['Compliance', '97.5', '98.1', '—'],
      ['AHT', '352 s', '340 s', '332 s'],
    ]);
  });

  it('keeps a completed session’s prep to read, without building it again', async () => {
    await openSession(() => makeSession({ status: 'COMPLETED', prep_data: makePrep() }));
    const section = screen.getByRole('region', { name: 'Prep' });
    expect(within(section).getByText('Work on quality')).toBeTruthy();
    expect(within(section).queryByRole('button', { name: /Prepare/ })).toBeNull();
  });

  it('is absent for the agent and for a session never prepared that cannot be any more', async () => {
    // A scheduled session, which its team leader may prepare: the agent may not (and the server
    // sends them no prep).
    await openSession(() => makeSession(), {}, AGENT);
    expect(screen.queryByRole('region', { name: 'Prep' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Prepare' })).toBeNull();
    cleanup();
    await openSession(() => makeSession({ status: 'CANCELLED' }));
    expect(screen.queryByRole('region', { name: 'Prep' })).toBeNull();
  });

  it('says why when the server refuses, and keeps the button', async () => {
    await openSession(() => makeSession(), {
      [`POST ${PATH}/prep`]: () =>
        apiError(409, 'conflict', 'This session is completed: it cannot be prepared.'),
    });
    const section = screen.getByRole('region', { name: 'Prep' });
    fireEvent.click(within(section).getByRole('button', { name: 'Prepare' }));
    const alert = await within(section).findByRole('alert');
    expect(alert.textContent).toContain('The prep was not built');
    expect(alert.textContent).toContain('it cannot be prepared');
    expect(within(section).getByRole('button', { name: 'Prepare' })).toBeTruthy();
  });
});
