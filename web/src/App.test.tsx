import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App';
import { getCsrfToken, setCsrfToken } from './api/csrf';
import { createQueryClient } from './auth/queryClient';
import { apiError, fakeApi, jsonResponse, makeUser } from './test/fakeApi';

const tl = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER', employee_id: 'TL-001' });
const agent = makeUser({ name: 'Sam Patel', role: 'AGENT', employee_id: 'AG-001' });
const agent2 = makeUser({ name: 'Riley Chen', role: 'AGENT', employee_id: 'AG-002', status: 'PIP' });

function renderApp() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <App />
    </QueryClientProvider>,
  );
}

function signInWith(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('App', () => {
  it('shows the sign-in form when /auth/me answers 401', async () => {
    fakeApi({ 'GET /api/v1/auth/me': () => apiError(401, 'unauthorized', 'Sign in to continue.') });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    expect(screen.getByLabelText('Email')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the fixed message on a wrong password and stays on sign-in', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': () => apiError(401, 'unauthorized', 'Sign in to continue.'),
      'POST /api/v1/auth/login': () => apiError(401, 'unauthorized', 'Unauthorized'),
    });
    renderApp();
    await screen.findByRole('heading', { name: 'Sign in to Coach' });
    signInWith('tl1@coach.demo', 'wrong');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email or password is incorrect.');
    expect(screen.getByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    const login = requests.find((r) => r.method === 'POST');
    expect(login?.body).toEqual({ email: 'tl1@coach.demo', password: 'wrong' });
    expect(getCsrfToken()).toBeNull();
  });

  it('shows the rate-limit message with the Retry-After seconds and blocks the button', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => apiError(401, 'unauthorized', 'Sign in to continue.'),
      'POST /api/v1/auth/login': () =>
        apiError(429, 'rate_limited', 'Too many failed sign-in attempts; try again later.', {
          'Retry-After': '42',
        }),
    });
    renderApp();
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

  it('signs a team leader in and shows the header and the People table', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': () => apiError(401, 'unauthorized', 'Sign in to continue.'),
      'POST /api/v1/auth/login': () =>
        jsonResponse(200, { user: tl, csrf_token: 'csrf-xyz', token: 'bearer-token' }),
      'GET /api/v1/users': () => jsonResponse(200, { items: [tl, agent, agent2], next_cursor: null }),
    });
    renderApp();
    await screen.findByRole('heading', { name: 'Sign in to Coach' });
    signInWith('tl1@coach.demo', 'coach-demo-2026');

    const banner = await screen.findByRole('banner');
    expect(within(banner).getByText('Jordan Reyes')).toBeTruthy();
    expect(within(banner).getByText('Team leader')).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Sign out' })).toBeTruthy();

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4); // header + 3 people
    expect(within(rows[2]!).getByText('Sam Patel')).toBeTruthy();
    expect(within(rows[2]!).getByText('sam.patel@coach.test')).toBeTruthy();
    expect(within(rows[2]!).getByText('Agent')).toBeTruthy();
    expect(within(rows[3]!).getByText('On PIP')).toBeTruthy();
    expect(within(rows[3]!).getByText('AG-002')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    expect(getCsrfToken()).toBe('csrf-xyz');
    const list = requests.find((r) => r.url.startsWith('/api/v1/users'));
    expect(list?.url).toBe('/api/v1/users?limit=50');
  });

  it('loads the next page with the cursor when "Load more" is pressed', async () => {
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, tl),
      'GET /api/v1/users?limit=50': () => jsonResponse(200, { items: [tl, agent], next_cursor: 'c/1+' }),
      'GET /api/v1/users?limit=50&cursor=c%2F1%2B': () =>
        jsonResponse(200, { items: [agent2], next_cursor: null }),
    });
    renderApp();
    await screen.findByRole('table');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText('Riley Chen');
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.map((r) => r.url)).toContain('/api/v1/users?limit=50&cursor=c%2F1%2B');
  });

  it('shows an agent "My profile" and no People table', async () => {
    const { requests } = fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, agent) });
    renderApp();
    expect(await screen.findByRole('heading', { name: 'My profile' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'People' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText('AG-001')).toBeTruthy();
    expect(requests.some((r) => r.url.startsWith('/api/v1/users'))).toBe(false);
  });

  it('signs out with the CSRF header and returns to the sign-in page', async () => {
    setCsrfToken('csrf-abc');
    const { requests } = fakeApi({
      'GET /api/v1/auth/me': () => jsonResponse(200, agent),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    const logout = requests.find((r) => r.method === 'POST');
    expect(logout?.url).toBe('/api/v1/auth/logout');
    expect(logout?.headers.get('X-CSRF-Token')).toBe('csrf-abc');
    expect(getCsrfToken()).toBeNull();
  });

  it('shows a server error on load with a way to retry', async () => {
    fakeApi({
      'GET /api/v1/auth/me': () => apiError(403, 'forbidden', 'Your account may not sign in here.'),
    });
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your account may not sign in here.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
