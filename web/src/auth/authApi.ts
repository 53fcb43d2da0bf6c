import { api, isApiError, ok } from '../api/client';
import { getCsrfToken, setCsrfToken } from '../api/csrf';
import type { LoginResponse, Schemas, User } from '../api/types';

export type Credentials = Schemas['LoginRequest'];

/** The body of PUT /api/v1/auth/password. */
export interface PasswordChange {
  current_password: string;
  new_password: string;
}

export function login(credentials: Credentials): Promise<LoginResponse> {
  return ok(api.POST('/api/v1/auth/login', { body: credentials }));
}

export async function logout(): Promise<void> {
  await api.POST('/api/v1/auth/logout');
}

/** Ends every session of the signed-in user, this one included. */
export async function logoutEverywhere(): Promise<void> {
  await api.POST('/api/v1/auth/logout-all');
}

/** Changes the password; the server ends the user's other sessions and keeps this one. */
export async function changePassword(change: PasswordChange): Promise<void> {
  await api.PUT('/api/v1/auth/password', { body: change });
}

/** The signed-in user, or null when there is no valid session (401). */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const me = await ok(api.GET('/api/v1/auth/me', { signal }));
    // A new tab has the session cookie but not the CSRF token its writes need.
    if (getCsrfToken() === null) {
      const { csrf_token } = await ok(api.GET('/api/v1/auth/csrf', { signal }));
      setCsrfToken(csrf_token);
    }
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}
