import { api, isApiError, ok } from '../api/client';
import { getCsrfToken, setCsrfToken } from '../api/csrf';
import type { LoginResponse, Schemas, User } from '../api/types';
import { forgetDeviceCopy, keepSignedInUser, keptUser } from './deviceCopy';

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

/**
 * Fetches the session's CSRF token unless this tab has it. A new tab (or one opened offline)
 * has the session cookie but not the token its writes need.
 */
export async function ensureCsrfToken(signal?: AbortSignal): Promise<void> {
  if (getCsrfToken() !== null) return;
  const { csrf_token } = await ok(api.GET('/api/v1/auth/csrf', { signal }));
  setCsrfToken(csrf_token);
}

/** The "me" in use came from the device copy: the server could not be reached. */
let meFromDevice = false;

/** Whether the signed-in user shown now is the device's copy (to ask the server once online). */
export function isMeFromDevice(): boolean {
  return meFromDevice;
}

/**
 * The signed-in user, or null when there is no valid session (401). When the server cannot be
 * reached at all (no network), the user it last confirmed on this device, if kept
 * (auth/deviceCopy.ts): so the quick note page opens offline.
 */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const me = await ok(api.GET('/api/v1/auth/me', { signal }));
    await ensureCsrfToken(signal);
    meFromDevice = false;
    keepSignedInUser(me);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      meFromDevice = false;
      forgetDeviceCopy();
      return null;
    }
    if (isApiError(e) && e.status === 0) {
      const kept = keptUser();
      if (kept) {
        meFromDevice = true;
        return kept;
      }
    }
    throw e;
  }
}
