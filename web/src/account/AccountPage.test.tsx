import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { getCsrfToken, setCsrfToken } from '../api/csrf';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { PASSWORDS_DIFFER } from './ChangePasswordForm';

const me = makeUser({ name: 'Jordan Reyes', role: 'TEAM_LEADER', employee_id: 'TL-001' });
const SUCCESS = /Your password has been changed/;

function validationError(details: Array<{ field: string; message: string }>) {
  return jsonResponse(422, {
    error: { code: 'validation_failed', message: 'The request has invalid fields.', details },
  });
}

async function openAccount(routes: Parameters<typeof fakeApi>[0]) {
  setCsrfToken('csrf-1');
  const api = fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, me), ...routes });
  const app = renderApp('/account');
  await screen.findByRole('heading', { level: 1, name: 'Account' });
  return { ...api, ...app };
}

function fillPasswords(current: string, next: string, repeat = next) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.change(screen.getByLabelText('Repeat new password'), { target: { value: repeat } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

function describedBy(el: HTMLElement): string[] {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '');
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('account page', () => {
  it('shows the profile', async () => {
    await openAccount({});
    const profile = screen.getByRole('region', { name: 'My profile' });
    expect(within(profile).getByText(me.email)).toBeTruthy();
    expect(within(profile).getByText('TL-001')).toBeTruthy();
  });
});

describe('change password', () => {
  it('shows a wrong current password next to its field and no success', async () => {
    const { requests } = await openAccount({
      'PUT /api/v1/auth/password': () =>
        validationError([{ field: 'current_password', message: 'is incorrect' }]),
    });
    fillPasswords('not-my-password', 'a-much-better-secret');

    const current = screen.getByLabelText('Current password');
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(current)).toEqual(['Current password is incorrect']);
    expect(screen.getByLabelText('New password').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('Your password was not changed');
    expect(screen.queryByText(SUCCESS)).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');
    // The field to fix has the focus (given in an effect, which may run just after the render).
    await waitFor(() => expect(document.activeElement).toBe(current));

    const put = requests.find((r) => r.method === 'PUT');
    expect(put?.url).toBe('/api/v1/auth/password');
    expect(put?.body).toEqual({
      current_password: 'not-my-password',
      new_password: 'a-much-better-secret',
    });
    expect(put?.headers.get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('shows the password policy sentence next to the new password', async () => {
    const sentence = 'The password must be at least 10 characters long.';
    await openAccount({
      'PUT /api/v1/auth/password': () => validationError([{ field: 'new_password', message: sentence }]),
    });
    fillPasswords('coach-demo-2026', 'short');
    const next = screen.getByLabelText('New password');
    await waitFor(() => expect(next.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(next)).toEqual(['At least 10 characters, and not your email address.', sentence]);
    expect(screen.queryByText(SUCCESS)).toBeNull();
  });

  it('says a refusal without field details in the summary, never as success', async () => {
    await openAccount({
      'PUT /api/v1/auth/password': () =>
        apiError(429, 'rate_limited', 'Too many requests; try again later.', { 'Retry-After': '60' }),
    });
    fillPasswords('coach-demo-2026', 'a-much-better-secret');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Too many requests; try again later.');
    expect(screen.queryByText(SUCCESS)).toBeNull();
  });

  it('shows no success while the server has not answered', async () => {
    let answer: (r: Response) => void = () => {};
    await openAccount({
      'PUT /api/v1/auth/password': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    fillPasswords('coach-demo-2026', 'a-much-better-secret');
    const button = await screen.findByRole('button', { name: 'Changing password…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByText(SUCCESS)).toBeNull();
    answer(new Response(null, { status: 204 }));
    expect(await screen.findByText(SUCCESS)).toBeTruthy();
  });

  it('confirms a change only after the server answered 2xx, and clears the fields', async () => {
    await openAccount({ 'PUT /api/v1/auth/password': () => new Response(null, { status: 204 }) });
    fillPasswords('coach-demo-2026', 'a-much-better-secret');
    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toMatch(SUCCESS));
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('New password') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('does not send two different new passwords', async () => {
    const { requests } = await openAccount({});
    fillPasswords('coach-demo-2026', 'a-much-better-secret', 'a-much-better-secreT');
    const repeat = screen.getByLabelText('Repeat new password');
    await waitFor(() => expect(repeat.getAttribute('aria-invalid')).toBe('true'));
    expect(describedBy(repeat)).toEqual([PASSWORDS_DIFFER]);
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('goes to sign-in and back here when the session has expired', async () => {
    const { router } = await openAccount({
      'PUT /api/v1/auth/password': () => apiError(401, 'unauthorized', 'Sign in to continue.'),
    });
    fillPasswords('coach-demo-2026', 'a-much-better-secret');
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    expect(currentPath(router)).toBe('/sign-in?next=/account');
  });
});

describe('sign out', () => {
  it('signs out everywhere with the CSRF header and goes to sign-in', async () => {
    const { requests, router } = await openAccount({
      'POST /api/v1/auth/logout-all': () => new Response(null, { status: 204 }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe('/api/v1/auth/logout-all');
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(getCsrfToken()).toBeNull();
    await waitFor(() => expect(currentPath(router)).toBe('/sign-in'));
  });

  it('stays signed in and says so when signing out everywhere fails', async () => {
    const { router } = await openAccount({
      'POST /api/v1/auth/logout-all': () =>
        apiError(503, 'unavailable', 'The service is unavailable; try again shortly.'),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not sign out');
    expect(alert.textContent).toContain('The service is unavailable; try again shortly.');
    expect(currentPath(router)).toBe('/account');
    expect(getCsrfToken()).toBe('csrf-1');
  });

  it('treats an already ended session as signed out', async () => {
    const { router } = await openAccount({
      'POST /api/v1/auth/logout-all': () => apiError(401, 'unauthorized', 'Sign in to continue.'),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    await waitFor(() => expect(currentPath(router)).toBe('/sign-in'));
  });

  it('signs this session out with the Sign out button', async () => {
    const { requests } = await openAccount({
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const card = screen.getByRole('region', { name: 'Sign out' });
    fireEvent.click(within(card).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Coach' })).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.url).toBe('/api/v1/auth/logout');
  });
});
