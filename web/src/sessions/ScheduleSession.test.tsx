import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import { card } from '../queue/testCards';
import { fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { localToRfc3339 } from './dates';
import { makeSession, sessionResponse } from './testing';

const TL = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER' });
const SAM = makeUser({ name: 'Sam Patel', role: 'AGENT', id: 'id-sam.patel', team_leader_id: TL.id });
const NEW_ID = '33333333-3333-4333-8333-333333333333';
const OVERLAP = {
  code: 'conflict',
  message: 'This time overlaps another session; choose another time or send allow_overlap: true to book it anyway.',
  details: [{ field: 'scheduled_date', message: 'overlaps the session with Riley Chen' }],
  conflicts: [
    {
      session_id: '22222222-2222-4222-8222-222222222222',
      agent_id: 'id-riley',
      agent_name: 'Riley Chen',
      scheduled_date: '2026-12-08T09:00:00Z',
      planned_minutes: 30,
      calendar: 'team_leader',
    },
  ],
};

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

function open(path: string, routes: Parameters<typeof fakeApi>[0] = {}) {
  setCsrfToken('csrf-1');
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, TL),
    'GET /api/v1/users': () => jsonResponse(200, { items: [SAM], next_cursor: null }),
    ...routes,
  });
  return { ...api, ...renderApp(path) };
}

describe('scheduling a session', () => {
  it('is offered on every row of the priority queue', async () => {
    open('/', {
      'GET /api/v1/dashboard': () =>
        jsonResponse(200, {
          role: 'TEAM_LEADER',
          team_leader: { id: TL.id, name: TL.name },
          as_of: '2026-12-06',
          agents: [card({ name: 'Bianca Schmidt', urgency: 90 })],
        }),
    });
    const link = await screen.findByRole('link', { name: 'Schedule session with Bianca Schmidt' });
    expect(link.getAttribute('href')).toBe('/sessions/new?agent_id=id-bianca-schmidt');
  });

  it('books the agent from the address; on an overlap lists it and books anyway', async () => {
    const created = makeSession({ id: NEW_ID, scheduled_date: '2026-12-08T09:00:00Z' });
    let posts = 0;
    const { requests, router } = open('/sessions/new?agent_id=id-sam.patel', {
      'POST /api/v1/coaching-sessions': () => {
        posts += 1;
        if (posts === 1)
          return jsonResponse(409, { error: OVERLAP });
        return sessionResponse(created, 201);
      },
      [`GET /api/v1/coaching-sessions/${NEW_ID}`]: () => sessionResponse(created),
    });
    await screen.findByRole('heading', { level: 1, name: 'Schedule a session' });
    const form = screen.getByRole('form', { name: 'Schedule a session' });
    await waitFor(() =>
      expect((within(form).getByRole('combobox', { name: 'Agent' }) as HTMLInputElement).value).toBe('Sam Patel'),
    );
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '2026-12-08' } });
    fireEvent.change(within(form).getByLabelText('Time'), { target: { value: '09:15' } });
    fireEvent.change(within(form).getByLabelText('Length (minutes)'), { target: { value: '45' } });
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'FOLLOW_UP' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Schedule session' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('This time overlaps another session');
    expect(within(alert).getByRole('link', { name: 'Session with Riley Chen' })).toBeTruthy();
    expect(alert.textContent).toContain("the team leader's calendar");
    expect(currentPath(router)).toBe('/sessions/new?agent_id=id-sam.patel');

    fireEvent.click(within(alert).getByRole('button', { name: 'Book anyway' }));
    await screen.findByRole('heading', { level: 1, name: 'Coaching session with Sam Patel' });
    expect(currentPath(router)).toBe(`/sessions/${NEW_ID}`);
    const bodies = requests.filter((r) => r.method === 'POST' && r.url === '/api/v1/coaching-sessions').map((r) => r.body);
    const expected = {
      agent_id: 'id-sam.patel',
      scheduled_date: localToRfc3339('2026-12-08', '09:15'),
      planned_minutes: 45,
      session_type: 'FOLLOW_UP',
    };
    expect(bodies).toEqual([expected, { ...expected, allow_overlap: true }]);
  });

  it('says what is missing next to the fields', async () => {
    const { requests } = open('/sessions/new');
    const form = await screen.findByRole('form', { name: 'Schedule a session' });
    // Nobody chosen and no date: said next to the fields, nothing sent.
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Schedule session' }));
    expect(within(form).getByText('Date is required')).toBeTruthy();
    expect(within(form).getByText('Agent is required: choose an agent')).toBeTruthy();
    expect(within(form).getByRole('combobox', { name: 'Agent' }).getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('changing the time clears the overlap the server named', async () => {
    open('/sessions/new?agent_id=id-sam.patel', {
      'POST /api/v1/coaching-sessions': () =>
        jsonResponse(409, { error: OVERLAP }),
    });
    const form = await screen.findByRole('form', { name: 'Schedule a session' });
    await waitFor(() =>
      expect((within(form).getByRole('combobox', { name: 'Agent' }) as HTMLInputElement).value).toBe('Sam Patel'),
    );
    fireEvent.click(within(form).getByRole('button', { name: 'Schedule session' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Time'), { target: { value: '11:00' } });
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});
