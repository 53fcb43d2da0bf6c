import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/csrf';
import type { User } from '../api/types';
import { forgetDeviceCopy, keepSignedInUser } from './deviceCopy';
import { meKey } from './queryKeys';

// Clients whose user chose to sign out (as opposed to a session that expired or never was):
// the sign-in page then starts fresh instead of offering to return to the last page.
const signedOutByUser = new WeakSet<QueryClient>();

function dropOtherQueries(queryClient: QueryClient): void {
  // The "me" query stays (its observer drives the whole app); everything else goes, so no
  // data of one account is ever shown to the next.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
}

export function markSignedIn(queryClient: QueryClient, user: User, csrfToken: string): void {
  signedOutByUser.delete(queryClient);
  setCsrfToken(csrfToken);
  dropOtherQueries(queryClient);
  keepSignedInUser(user);
  queryClient.setQueryData(meKey, user);
}

export interface SignedOutOptions {
  /** The user signed out on purpose (so do not come back here after the next sign-in). */
  byUser?: boolean;
}

export function markSignedOut(queryClient: QueryClient, options: SignedOutOptions = {}): void {
  if (options.byUser) signedOutByUser.add(queryClient);
  else signedOutByUser.delete(queryClient);
  setCsrfToken(null);
  // Nothing of the account stays on the device (the service worker keeps no account data).
  forgetDeviceCopy();
  dropOtherQueries(queryClient);
  queryClient.setQueryData(meKey, null);
}

/** Whether sign-in should lead back to the page the user was on. */
export function returnsAfterSignIn(queryClient: QueryClient): boolean {
  return !signedOutByUser.has(queryClient);
}
