// The fetch wrapper every API call goes through: JSON in and out, the session cookie
// (credentials: 'same-origin'), X-CSRF-Token on writes, and error bodies turned into ApiError.
import { ApiError, type ApiErrorDetail } from './ApiError';
import { getCsrfToken } from './csrf';

export { ApiError, isApiError } from './ApiError';
export type { ApiErrorDetail } from './ApiError';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

export interface ClientDeps {
  fetch: typeof fetch;
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
    });
  }
  return new ApiError({
    status: res.status,
    code: `http_${res.status}`,
    message: fallbackMessage(res.status),
    retryAfter,
  });
}

export function createClient(deps: ClientDeps) {
  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET';
    const headers = new Headers({ Accept: 'application/json' });
    let body: string | undefined;
    if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      body = JSON.stringify(options.body);
    }
    if (!SAFE_METHODS.has(method)) {
      const token = deps.csrfToken();
      if (token) headers.set('X-CSRF-Token', token);
    }

    let res: Response;
    try {
      res = await deps.fetch(path, {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: options.signal,
      });
    } catch (cause) {
      // A cancelled query is not a failure: let TanStack Query see the AbortError.
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({ status: 0, code: 'network_error', message: NETWORK_ERROR_MESSAGE });
    }

    if (!res.ok) throw await toApiError(res, deps.now());
    if (res.status === 204) return undefined as T;
    const data = await readJson(res);
    return data as T;
  }

  return {
    request,
    get: <T>(path: string, signal?: AbortSignal) => request<T>(path, { signal }),
    post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
    put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
    patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
    delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  };
}

export type ApiClient = ReturnType<typeof createClient>;

export const api: ApiClient = createClient({
  fetch: (input, init) => globalThis.fetch(input, init),
  csrfToken: getCsrfToken,
  now: () => Date.now(),
});
