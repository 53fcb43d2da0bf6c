import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import { markSignedOut } from './session';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors will not fix themselves; network failures and 5xx get two more tries.
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * Mutations whose 401 means something else than "the session expired" (a wrong password at
 * sign-in, signing out of a session that had already ended) set this in their `meta`.
 */
export const HANDLES_UNAUTHORIZED = { handlesUnauthorized: true } as const;

/** `retryDelayMs` is for tests: the same retries without the back-off's seconds of waiting. */
export function createQueryClient(options: { retryDelayMs?: number } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    // A session that expired mid-use (any API call answering 401) sends the app to the
    // sign-in page, which returns to the same page afterwards.
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) markSignedOut(client);
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (mutation.meta?.handlesUnauthorized) return;
        if (isApiError(error) && error.status === 401) markSignedOut(client);
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        refetchOnWindowFocus: false,
        ...(options.retryDelayMs === undefined ? {} : { retryDelay: options.retryDelayMs }),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
