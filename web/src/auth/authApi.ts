import { api, isApiError } from '../api/client';
import { getCsrfToken, setCsrfToken } from '../api/csrf';
import type { LoginResponse, User } from '../api/types';

export interface Credentials {
  email: string;
  password: string;
}

export function login(credentials: Credentials): Promise<LoginResponse> {
  return api.post<LoginResponse>('/api/v1/auth/login', credentials);
}

export function logout(): Promise<void> {
  return api.post<void>('/api/v1/auth/logout');
}

/** The signed-in user, or null when there is no valid session (401). */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const me = await api.get<User>('/api/v1/auth/me', signal);
    // A new tab has the session cookie but not the CSRF token its writes need.
    if (getCsrfToken() === null) {
      const { csrf_token } = await api.get<{ csrf_token: string }>('/api/v1/auth/csrf', signal);
      setCsrfToken(csrf_token);
    }
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}
