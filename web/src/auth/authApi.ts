import { api, isApiError } from '../api/client';
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
    return await api.get<User>('/api/v1/auth/me', signal);
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}
