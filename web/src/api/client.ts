// The one way the web app calls the API: openapi-fetch typed by src/api/schema.d.ts, which
// scripts/web-api generates from the server's own description (docs/architecture.md, "API
// description"); make test fails when the two differ. The session cookie goes along
// (same-origin), writes carry X-CSRF-Token, and an error answer becomes an ApiError.
import createFetchClient, { type Client } from 'openapi-fetch';
import { ApiError, type ApiErrorDetail } from './ApiError';
import { getCsrfToken } from './csrf';
import type { paths } from './schema';

export { ApiError, isApiError } from './ApiError';
export type { ApiErrorDetail } from './ApiError';

export interface ClientDeps {
  fetch: (request: Request) => Promise<Response>;
  csrfToken: () => string | null;
  now: () => number;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const NETWORK_ERROR_MESSAGE =
  'Could not reach the Coach server. Check your connection and try again.';

/** Retry-After is either delay-seconds or an HTTP date; returns whole seconds, or null. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  // Otherwise an IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT"); it always names a month.
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

function asDetails(value: unknown): ApiErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((d) => ({
      field: typeof d.field === 'string' ? d.field : '',
      message: typeof d.message === 'string' ? d.message : '',
    }));
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Sign in to continue.';
  if (status === 403) return 'You do not have permission to do this.';
  if (status === 404) return 'Not found.';
  if (status === 429) return 'Too many requests; try again later.';
  if (status === 503) return 'The service is unavailable; try again shortly.';
  return `The server answered with an error (HTTP ${status}).`;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function toApiError(res: Response, now: number): Promise<ApiError> {
  const body = await readJson(res);
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'), now);
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error: unknown }).error
      : undefined;
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    return new ApiError({
      status: res.status,
      code: typeof e.code === 'string' ? e.code : `http_${res.status}`,
      message:
        typeof e.message === 'string' && e.message !== '' ? e.message : fallbackMessage(res.status),
      details: asDetails(e.details),
      retryAfter,
      body,
      etag: res.headers.get('ETag'),
    });
  }
  return new ApiError({
    status: res.status,
    code: `http_${res.status}`,
    message: fallbackMessage(res.status),
    retryAfter,
  });
}

export type ApiClient = Client<paths>;

export function createClient(deps: ClientDeps): ApiClient {
  const client = createFetchClient<paths>({
    // Relative paths need a base outside the browser (tests); in the browser it is the page's.
    baseUrl: globalThis.location?.origin ?? 'http://localhost',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    fetch: async (request) => {
      try {
        return await deps.fetch(request);
      } catch (cause) {
        // A cancelled query is not a failure: let TanStack Query see the AbortError.
        if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
        throw new ApiError({ status: 0, code: 'network_error', message: NETWORK_ERROR_MESSAGE });
      }
    },
  });
  client.use({
    onRequest({ request }) {
      if (!SAFE_METHODS.has(request.method)) {
        const token = deps.csrfToken();
        if (token) request.headers.set('X-CSRF-Token', token);
      }
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok) throw await toApiError(response, deps.now());
      return response;
    },
  });
  return client;
}

/**
 * The body of a call that succeeded: errors were thrown as ApiError before this, so `data` is
 * the described success body (undefined for 204).
 */
export async function ok<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

export const api: ApiClient = createClient({
  fetch: (request) => globalThis.fetch(request),
  csrfToken: getCsrfToken,
  now: () => Date.now(),
});
