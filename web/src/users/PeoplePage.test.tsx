import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { User } from '../api/types';
import { fakeApi, jsonResponse, type RecordedRequest } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { admin, agent, EVERYONE, leaderA, leaderB, usersList, validationError } from './testing';

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

async function openPeople(viewer: User, path = '/people', routes: Parameters<typeof fakeApi>[0] = {}) {
  setCsrfToken('csrf-1');
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, viewer),
    'GET /api/v1/users': usersList(() => EVERYONE),
    ...routes,
  });
  const app = renderApp(path);
  await screen.findByRole('heading', { level: 1, name: 'People' });
  return { ...api, ...app };
}

/** The list requests (not the team leader and manager directories), as their queries. */
function listQueries(requests: RecordedRequest[]): string[] {
  return requests
    .filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/users?'))
    .map((r) => r.url.slice('/api/v1/users?'.length))
    .filter((q) => new URLSearchParams(q).get('limit') === '50');
}

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table')).getAllByRole('row').slice(1);
}

describe('people filters', () => {
  it('filters by role and status, with the filters in the address', async () => {
    const { requests, router } = await openPeople(admin);
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    expect(listQueries(requests)).toEqual(['limit=50']);

    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'AGENT' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'LEAVE' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText('Sam Patel')).toBeTruthy();
    expect(listQueries(requests)).toEqual(['limit=50', 'limit=50&role=AGENT', 'limit=50&role=AGENT&status=LEAVE']);
    expect(currentPath(router)).toBe('/people?role=AGENT&status=LEAVE');
    expect(screen.getByText('1 person found')).toBeTruthy();
  });

  it('searches once typing pauses, and offers to clear filters when nobody matches', async () => {
    const { requests, router } = await openPeople(admin);
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    const search = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(search, { target: { value: 'e10' } });
    fireEvent.change(search, { target: { value: 'e1078' } });
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    // One request for what was typed once the typing paused, not one per keystroke.
    expect(listQueries(requests)).toEqual(['limit=50', 'limit=50&q=e1078']);
    expect(within(bodyRows()[0]!).getByRole('link', { name: 'Chloe Mensah' })).toBeTruthy();

    fireEvent.change(search, { target: { value: 'nobody-at-all' } });
    expect(await screen.findByText('Nobody matches these filters.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    expect(currentPath(router)).toBe('/people');
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('');
  });

  it('starts from the filters of a deep link', async () => {
    const { requests } = await openPeople(admin, '/people?q=tariq&role=TEAM_LEADER');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(listQueries(requests)).toEqual(['limit=50&q=tariq&role=TEAM_LEADER']);
    expect((screen.getByRole('searchbox', { name: 'Search' }) as HTMLInputElement).value).toBe('tariq');
    expect((screen.getByLabelText('Role') as HTMLSelectElement).value).toBe('TEAM_LEADER');
  });
});

describe('people table by role', () => {
  it('shows an admin whom each reports to and a link to manage them', async () => {
    await openPeople(admin);
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Email', 'Role', 'Status', 'Employee ID', 'Reports to', 'Manage']);
    const chloe = bodyRows().find((r) => r.textContent?.includes('Chloe Mensah'))!;
    await waitFor(() => expect(within(chloe).getByText(leaderA.name)).toBeTruthy());
    // Agents' names lead to their performance page; "Manage" to the person page.
    expect(within(chloe).getByRole('link', { name: 'Chloe Mensah' }).getAttribute('href')).toBe('/agents/u-agent');
    expect(within(chloe).getByRole('link', { name: 'Manage Chloe Mensah' }).getAttribute('href')).toBe('/people/u-agent');
    const tariq = bodyRows().find((r) => r.textContent?.includes(leaderB.name))!;
    expect(within(tariq).getByText('Morgan Reyes')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add person' })).toBeTruthy();
    expect(screen.getByLabelText('Show deleted people')).toBeTruthy();
  });

  it('gives a team leader the plain list: no hierarchy column, nothing to manage or add', async () => {
    const { requests } = await openPeople(leaderA, '/people', {
      'GET /api/v1/users': () => jsonResponse(200, { items: [leaderA, agent], next_cursor: null }),
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Email', 'Role', 'Status', 'Employee ID']);
    expect(screen.queryByRole('button', { name: 'Add person' })).toBeNull();
    expect(screen.queryByRole('link', { name: /Manage/ })).toBeNull();
    expect(screen.queryByLabelText('Show deleted people')).toBeNull();
    // No directory of team leaders or managers is fetched for a column it does not show.
    expect(requests.filter((r) => r.url.includes('limit=500'))).toEqual([]);
  });
});

describe('add person', () => {
  it('shows the server field error next to the field, stays open, then adds a valid person', async () => {
    let people = [...EVERYONE];
    const created = { ...agent, id: 'u-new', name: 'Nia Okoye', email: 'nia@coach.test', employee_id: null };
    const posts: unknown[] = [];
    await openPeople(admin, '/people', {
      'GET /api/v1/users': usersList(() => people),
      'POST /api/v1/users': (req) => {
        posts.push(req.body);
        const body = req.body as { email: string };
        if (!body.email.includes('@')) return validationError([{ field: 'email', message: 'must be an email address' }]);
        people = [...people, created];
        return jsonResponse(201, created);
      },
    });
    await waitFor(() => expect(bodyRows()).toHaveLength(6));
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add person' });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'not-an-email' } });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Nia Okoye' } });
    fireEvent.change(within(dialog).getByLabelText('Hire date'), { target: { value: '2026-02-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add person' }));

    const email = within(dialog).getByLabelText('Email');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (email.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(
      'Email must be an email address',
    );
    expect(within(dialog).getByRole('alert').textContent).toContain('The person was not added');
    // Refused: still open, nothing said to be added, what was typed is kept.
    expect(screen.getByRole('dialog', { name: 'Add person' })).toBeTruthy();
    expect(screen.queryByText(/was added/)).toBeNull();
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Nia Okoye');
    expect(posts[0]).toEqual({
      email: 'not-an-email',
      name: 'Nia Okoye',
      role: 'AGENT',
      hire_date: '2026-02-01',
    });

    fireEvent.change(email, { target: { value: 'nia@coach.test' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add person' }));
    expect(await screen.findByText(/Nia Okoye was added\./)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(bodyRows()).toHaveLength(7));
  });

  it('offers a manager only team leaders and agents, a new team leader reporting to them', async () => {
    const { manager } = await import('./testing');
    const posts: unknown[] = [];
    await openPeople(manager, '/people', {
      'POST /api/v1/users': (req) => {
        posts.push(req.body);
        return jsonResponse(201, { ...leaderB, id: 'u-new-tl', name: 'New Lead' });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Add person' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add person' });
    const role = within(dialog).getByLabelText('Role') as HTMLSelectElement;
    expect([...role.options].map((o) => o.textContent)).toEqual(['Team leader', 'Agent']);
    fireEvent.change(role, { target: { value: 'TEAM_LEADER' } });
    await waitFor(() =>
      expect((within(dialog).getByRole('combobox', { name: 'Manager' }) as HTMLInputElement).value).toBe(
        'Morgan Reyes',
      ),
    );
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'lead@coach.test' } });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'New Lead' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add person' }));
    await screen.findByText(/New Lead was added\./);
    expect(posts).toEqual([
      { email: 'lead@coach.test', name: 'New Lead', role: 'TEAM_LEADER', manager_id: 'u-manager' },
    ]);
  });
});
