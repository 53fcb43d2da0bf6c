import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getCsrfToken, setCsrfToken } from './api/csrf';
import type { Role } from './api/types';
import { apiError, fakeApi, jsonResponse, makeUser } from './test/fakeApi';
import { currentPath, renderApp, signInWith } from './test/renderApp';

const tl = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER', employee_id: 'TL-001' });
const agent = makeUser({ name: 'Sam Patel', role: 'AGENT', employee_id: 'AG-001' });
const agent2 = makeUser({ name: 'Riley Chen', role: 'AGENT', employee_id: 'AG-002', status: 'PIP' });
const USERS: Record<Role, ReturnType<typeof makeUser>> = {
  ADMIN: makeUser({ name: 'Avery Collins', role: 'ADMIN' }),
  MANAGER: makeUser({ name: 'Morgan Lee', role: 'MANAGER' }),
  TEAM_LEADER: tl,
  AGENT: agent,
};

const signedOut = () => apiError(401, 'unauthorized', 'Sign in to continue.');

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('sign-in', () => {
  it('shows the sign-in form when /auth/me answers 401', async () => {
    fakeApi({ 'GET /api/v1/auth/me': signedOut });
    const { router } = renderApp('/');
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    // Home needs no "next": signing in goes there anyway.
    expect(currentPath(router)).toBe('/sign-in');
  });

  it('shows the fixed message on a wrong password and stays on sign-in', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': signedOut,
      'POST /api/v1/auth/login': () => apiError(401, 'unauthorized', 'Unauthorized'),
    });
    const { router } = renderApp('/people');
    await screen.findByRole('heading', { name: 'Sign in to Coach' });
    signInWith('tl1@coach.demo', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email or password is incorrect.');
    expect(screen.getByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    const login = requests.find((r) => r.method === 'POST');
    expect(login?.body).toEqual({ email: 'tl1@coach.demo', password: 'wrong' });
    expect(getCsrfToken()).toBeNull();
    expect(currentPath(router)).toBe('/sign-in?next=/people');
  });

  it('shows the rate-limit message with the Retry-After seconds and blocks the button', async () => {
    fakeApi({
      'GET /api/v1/auth/me': signedOut,
      'POST /api/v1/auth/login': () =>
        apiError(429, 'rate_limited', 'Too many failed sign-in attempts; try again later.', {
          'Retry-After': '42',
        }),
    });
    renderApp('/');
    await screen.findByRole('heading', { name: 'Sign in to Coach' });
    signInWith('tl1@coach.demo', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many failed sign-in attempts; try again later.');
    // The countdown runs in real time: a slow machine may already show a few seconds less.
    const seconds = Number(/try again in (\d+) seconds/.exec(alert.textContent ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(30);
    expect(seconds).toBeLessThanOrEqual(42);
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('signs in at a deep link and comes back to it, with the header and the People table', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': signedOut,
      'POST /api/v1/auth/login': () =>
        jsonResponse(200, { user: tl, csrf_token: 'csrf-xyz', token: 'bearer-token' }),
      'GET /api/v1/users': () => jsonResponse(200, { items: [tl, agent, agent2], next_cursor: null }),
    });
    const { router } = renderApp('/people');
    await screen.findByRole('heading', { name: 'Sign in to Coach' });
    expect(currentPath(router)).toBe('/sign-in?next=/people');
    signInWith('tl1@coach.demo', 'coach-demo-2026');

    const table = await screen.findByRole('table');
    expect(currentPath(router)).toBe('/people');
    expect(screen.getByRole('heading', { level: 1, name: 'People' })).toBeTruthy();
    const banner = screen.getByRole('banner');
    // The account menu loads after the page (AppLayout).
    expect(await within(banner).findByText('Jordan Reyes')).toBeTruthy();
    expect(within(banner).getByText('Team leader')).toBeTruthy();

    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3 people
    expect(within(rows[2]!).getByText('Sam Patel')).toBeTruthy();
    expect(within(rows[2]!).getByText('sam.patel@coach.test')).toBeTruthy();
    expect(within(rows[2]!).getByText('Agent')).toBeTruthy();
    // An agent's name leads to their page.
    expect(within(rows[2]!).getByRole('link', { name: 'Sam Patel' }).getAttribute('href')).toBe(
      `/agents/${agent.id}`,
    );
    expect(within(rows[3]!).getByText('On PIP')).toBeTruthy();
    expect(within(rows[3]!).getByText('AG-002')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    expect(getCsrfToken()).toBe('csrf-xyz');
    const list = requests.find((r) => r.url.startsWith('/api/v1/users'));
    expect(list?.url).toBe('/api/v1/users?limit=50');
  });

  it('never follows a "next" that leads off the app', async () => {
    fakeApi({
      'GET /api/v1/auth/me': signedOut,
      'POST /api/v1/auth/login': () =>
        jsonResponse(200, { user: agent, csrf_token: 'c', token: 't' }),
    });
    const { router } = renderApp('/sign-in?next=//evil.example/x');
    await screen.findByRole('heading', { name: 'Sign in to Coach' });
    signInWith('agent01@coach.demo', 'coach-demo-2026');
    expect(await screen.findByRole('heading', { name: 'My scorecard' })).toBeTruthy();
    expect(currentPath(router)).toBe('/');
  });

  it('sends a signed-in user from /sign-in to "next"', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, USERS.ADMIN),
      'GET /api/v1/users': () => jsonResponse(200, { items: [], next_cursor: null }),
    });
    const { router } = renderApp('/sign-in?next=/people');
    expect(await screen.findByRole('heading', { level: 1, name: 'People' })).toBeTruthy();
    expect(currentPath(router)).toBe('/people');
  });

  it('shows a server error on load with a way to retry', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => apiError(403, 'forbidden', 'Your account may not sign in here.'),
    });
    renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your account may not sign in here.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('session expiry', () => {
  it('goes to sign-in when an API call answers 401, and back to the same page after', async () => {
    let sessionValid = true;
    fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, tl),
      'GET /api/v1/users': () =>
        sessionValid
          ? jsonResponse(200, { items: [tl, agent], next_cursor: 'next' })
          : signedOut(),
      'GET /api/v1/users?limit=50&cursor=next': () => {
        sessionValid = false; // the session expires while the list is open
        return signedOut();
      },
      'POST /api/v1/auth/login': () => {
        sessionValid = true;
        return jsonResponse(200, { user: tl, csrf_token: 'csrf-2', token: 't' });
      },
    });
    const { router } = renderApp('/people?sort=name');
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    expect(currentPath(router)).toBe('/sign-in?next=/people%3Fsort%3Dname');
    expect(screen.queryByRole('table')).toBeNull();

    signInWith('tl1@coach.demo', 'coach-demo-2026');
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(currentPath(router)).toBe('/people?sort=name');
  });
});

describe('pages and navigation', () => {
  it('shows "Page not found" with a link home for an unknown URL', async () => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, tl) });
    const { router } = renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(currentPath(router)).toBe('/no/such/page');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(await screen.findByRole('heading', { name: 'Priority queue' })).toBeTruthy();
    expect(currentPath(router)).toBe('/');
  });

  it('shows "Page not found" to a signed-out visitor too, with a way to sign in', async () => {
    fakeApi({ 'GET /api/v1/auth/me': signedOut });
    const { router } = renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(currentPath(router)).toBe('/nowhere');
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeTruthy();
  });

  it.each<[Role, string, string[]]>([
    ['ADMIN', 'Administration', ['Home', 'Sessions', 'Quick note', 'Notes', 'People', 'Imports', 'Jobs', 'Audit', 'Settings']],
    ['MANAGER', 'Team performance', ['Home', 'Sessions', 'Notes', 'People']],
    ['TEAM_LEADER', 'Priority queue', ['Home', 'Sessions', 'Quick note', 'Notes', 'People']],
    ['AGENT', 'My scorecard', ['Home', 'My sessions']],
  ])('a signed-in %s sees its home (%s) and links only to its pages', async (role, home, links) => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, USERS[role]) });
    renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: home })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const names = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(names).toEqual(links);
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBe('page');
  });

  it.each<[Role, string]>([
    ['AGENT', '/people'],
    ['AGENT', '/imports'],
    ['TEAM_LEADER', '/settings'],
    ['MANAGER', '/audit'],
  ])('a %s opening %s gets "Page not found"', async (role, path) => {
    const { requests } = fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, USERS[role]) });
    renderApp(path);
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(requests.some((r) => r.url.startsWith('/api/v1/users'))).toBe(false);
  });

  it.each([
    ['/imports', 'Imports'],
    ['/jobs', 'Jobs'],
    ['/audit', 'Audit log'],
    ['/settings', 'Settings'],
    ['/agents/id-sam.patel', 'Agent'],
    ['/account', 'Account'],
  ])('an admin opens %s directly', async (path, heading) => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, USERS.ADMIN) });
    renderApp(path);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeTruthy();
    expect(document.title).toBe(`${heading} · Coach`);
  });

  it('follows the navigation links and marks the current page', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, USERS.ADMIN),
      'GET /api/v1/users': () => jsonResponse(200, { items: [tl], next_cursor: null }),
    });
    const { router } = renderApp('/');
    await screen.findByRole('heading', { name: 'Administration' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    fireEvent.click(within(nav).getByRole('link', { name: 'Jobs' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Jobs' })).toBeTruthy();
    expect(currentPath(router)).toBe('/jobs');
    expect(within(nav).getByRole('link', { name: 'Jobs' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Home' }).getAttribute('aria-current')).toBeNull();
    // The new page has the focus, so reading starts at its top (moved by an effect after the
    // page renders: under load the heading can be found before it runs).
    await waitFor(() => expect(document.activeElement?.id).toBe('main'));
  });

  it('opens and closes the narrow-screen menu with its button', async () => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, USERS.ADMIN) });
    renderApp('/');
    await screen.findByRole('heading', { name: 'Administration' });
    const toggle = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(toggle.getAttribute('aria-controls')).toBe(nav.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(nav.dataset.open).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(nav.dataset.open).toBe('true');
    // Following a link closes it.
    fireEvent.click(within(nav).getByRole('link', { name: 'Imports' }));
    await screen.findByRole('heading', { level: 1, name: 'Imports' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // So does Escape.
    fireEvent.click(toggle);
    fireEvent.keyDown(toggle, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('loads the next page with the cursor when "Load more" is pressed', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, tl),
      'GET /api/v1/users?limit=50': () => jsonResponse(200, { items: [tl, agent], next_cursor: 'c/1+' }),
      'GET /api/v1/users?limit=50&cursor=c%2F1%2B': () =>
        jsonResponse(200, { items: [agent2], next_cursor: null }),
    });
    renderApp('/people');
    await screen.findByRole('table');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Riley Chen');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.map((r) => r.url)).toContain('/api/v1/users?limit=50&cursor=c%2F1%2B');
  });
});

describe('account menu', () => {
  it('opens the account page from the menu', async () => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, agent) });
    const { router } = renderApp('/');
    fireEvent.click(await screen.findByRole('button', { name: /Sam Patel/ }));
    const menu = await screen.findByRole('menu');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Account and password' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Account' })).toBeTruthy();
    expect(currentPath(router)).toBe('/account');
  });

  it('signs out with the CSRF header and goes to sign-in without a way back', async () => {
    setCsrfToken('csrf-abc');
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, agent),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { router } = renderApp('/account');
    fireEvent.click(await screen.findByRole('button', { name: /Sam Patel/ }));
    const menu = await screen.findByRole('menu');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    const logout = requests.find((r) => r.method === 'POST');
    expect(logout?.url).toBe('/api/v1/auth/logout');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('csrf-abc');
    expect(getCsrfToken()).toBeNull();
    await waitFor(() => expect(currentPath(router)).toBe('/sign-in'));
  });
});
