import type { QueryClient } from '@tanstack/react-query';
import { setCsrfToken } from '../api/csrf';
import type { User } from '../api/types';
import { meKey } from './queryKeys';

function dropOtherQueries(queryClient: QueryClient): void {
  // The "me" query stays (its observer drives the whole app); everything else goes, so no
  // data of one account is ever shown to the next.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
}

export function markSignedIn(queryClient: QueryClient, user: User, csrfToken: string): void {
  setCsrfToken(csrfToken);
  dropOtherQueries(queryClient);
  queryClient.setQueryData(meKey, user);
}

export function markSignedOut(queryClient: QueryClient): void {
  setCsrfToken(null);
  dropOtherQueries(queryClient);
  queryClient.setQueryData(meKey, null);
}
