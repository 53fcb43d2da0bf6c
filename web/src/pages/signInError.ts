import type { ApiError } from '../api/client';

export const BAD_CREDENTIALS_MESSAGE = 'The email or password is incorrect.';

/** The sentence the sign-in form shows for a failed login. */
export function signInErrorMessage(error: ApiError): string {
  if (error.status === 401) return BAD_CREDENTIALS_MESSAGE;
  return error.message;
}
