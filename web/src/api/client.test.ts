import { describe, expect, it, vi } from 'vitest';
import { ApiError, createClient, NETWORK_ERROR_MESSAGE, ok, parseRetryAfter } from './client';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

function setup(respond: () => Promise<Response> | Response, token: string | null = 'csrf-123') {
  const fetch = vi.fn<(request: Request) => Promise<Response>>(async () => respond());
  const client = createClient({ fetch, csrfToken: () => token, now: () => 1_000_000 });
  const call = (i = 0) => {
    const args = fetch.mock.calls[i];
    if (!args) throw new Error(`fetch was not called ${i + 1} times`);
    const [request] = args;
    return { request, url: new URL(request.url), headers: request.headers };
  };
  return { fetch, client, call };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to fail');
}

const login = { email: 'a@b.c', password: 'p' };

describe('api client requests', () => {
  it('GET sends the cookie, asks for JSON, serialises the query and returns the body', async () => {
    const { client, call } = setup(() => json(200, { items: [], next_cursor: null }));
    const data = await ok(client.GET('/api/v1/users', { params: { query: { limit: 50 } } }));
    expect(data).toEqual({ items: [], next_cursor: null });
    const { request, url, headers } = call();
    expect(url.pathname + url.search).toBe('/api/v1/users?limit=50');
    expect(request.method).toBe('GET');
    expect(request.credentials).toBe('same-origin');
    expect(headers.get('Accept')).toBe('application/json');
    expect(request.body).toBeNull();
    expect(headers.has('Content-Type')).toBe(false);
  });

  it('sends no X-CSRF-Token on GET even when a token is known', async () => {
    const { client, call } = setup(() => json(200, {}), 'csrf-123');
    await client.GET('/api/v1/auth/me');
    expect(call().headers.has('X-CSRF-Token')).toBe(false);
  });

  it('sends X-CSRF-Token and a JSON body on POST', async () => {
    const { client, call } = setup(() => json(200, {}), 'csrf-123');
    await client.POST('/api/v1/auth/login', { body: login });
    const { request, headers } = call();
    expect(request.method).toBe('POST');
    expect(headers.get('X-CSRF-Token')).toBe('csrf-123');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(await request.text()).toBe(JSON.stringify(login));
  });

  it('sends X-CSRF-Token on PUT, PATCH and DELETE', async () => {
    const { client, call } = setup(() => new Response(null, { status: 204 }), 'tok');
    await client.PUT('/api/v1/auth/password', {
      body: { current_password: 'a', new_password: 'b' },
    });
    await client.PATCH('/api/v1/users/{id}', { params: { path: { id: 'u1' } }, body: {} });
    await client.DELETE('/api/v1/users/{id}', { params: { path: { id: 'u1' } } });
    expect([0, 1, 2].map((i) => [call(i).request.method, call(i).headers.get('X-CSRF-Token')])).toEqual([
      ['PUT', 'tok'],
      ['PATCH', 'tok'],
      ['DELETE', 'tok'],
    ]);
    expect(call(2).url.pathname).toBe('/api/v1/users/u1');
  });

  it('omits X-CSRF-Token on writes when no token is known', async () => {
    const { client, call } = setup(() => json(200, {}), null);
    await client.POST('/api/v1/auth/login', { body: login });
    expect(call().headers.has('X-CSRF-Token')).toBe(false);
  });

  it('returns undefined for 204 No Content', async () => {
    const { client } = setup(() => new Response(null, { status: 204 }));
    await expect(ok(client.POST('/api/v1/auth/logout'))).resolves.toBeUndefined();
  });
});

describe('api client errors', () => {
  it('turns a 401 error body into an ApiError', async () => {
    const { client } = setup(() =>
      json(401, {
        error: { code: 'unauthorized', message: 'The email or password is incorrect.', details: [] },
      }),
    );
    const e = await caught(client.POST('/api/v1/auth/login', { body: login }));
    expect(e).toBeInstanceOf(ApiError);
    const err = e as ApiError;
    expect(err.status).toBe(401);
    expect(err.code).toBe('unauthorized');
    expect(err.message).toBe('The email or password is incorrect.');
    expect(err.details).toEqual([]);
    expect(err.retryAfter).toBeNull();
  });

  it('keeps the field details of a 422', async () => {
    const { client } = setup(() =>
      json(422, {
        error: {
          code: 'validation_failed',
          message: 'The request has invalid fields.',
          details: [
            { field: 'email', message: 'must be an email address' },
            { field: 'password', message: 'is required' },
          ],
        },
      }),
    );
    const err = (await caught(client.POST('/api/v1/users', { body: { email: 'e', name: 'n', role: 'AGENT' } }))) as ApiError;
    expect(err.status).toBe(422);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('The request has invalid fields.');
    expect(err.details).toEqual([
      { field: 'email', message: 'must be an email address' },
      { field: 'password', message: 'is required' },
    ]);
    expect(err.fieldMessage('password')).toBe('is required');
    expect(err.fieldMessage('name')).toBeUndefined();
  });

  it('reads Retry-After (seconds) on a 429', async () => {
    const { client } = setup(() =>
      json(
        429,
        {
          error: {
            code: 'rate_limited',
            message: 'Too many failed sign-in attempts; try again later.',
            details: [],
          },
        },
        { 'Retry-After': '37' },
      ),
    );
    const err = (await caught(client.POST('/api/v1/auth/login', { body: login }))) as ApiError;
    expect(err.status).toBe(429);
    expect(err.code).toBe('rate_limited');
    expect(err.message).toBe('Too many failed sign-in attempts; try again later.');
    expect(err.retryAfter).toBe(37);
  });

  it('gives a readable error when the body is not JSON', async () => {
    const { client } = setup(
      () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    const err = (await caught(client.GET('/api/v1/users'))) as ApiError;
    expect(err.status).toBe(502);
    expect(err.code).toBe('http_502');
    expect(err.message).toBe('The server answered with an error (HTTP 502).');
  });

  it('reports a network failure as status 0', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    const err = (await caught(client.GET('/api/v1/auth/me'))) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(0);
    expect(err.code).toBe('network_error');
    expect(err.message).toBe(NETWORK_ERROR_MESSAGE);
  });

  it('lets an aborted request stay an AbortError', async () => {
    const { client } = setup(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const e = await caught(client.GET('/api/v1/auth/me'));
    expect(e).not.toBeInstanceOf(ApiError);
    expect((e as DOMException).name).toBe('AbortError');
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(' 120 ')).toBe(120);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });

  it('returns null when absent or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter('-5')).toBeNull();
  });
});
