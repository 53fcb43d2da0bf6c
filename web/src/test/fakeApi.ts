// A tiny fake of the Coach API for component tests: routes "METHOD /path" to responders and
// records every request the app made.
import { vi } from 'vitest';
import type { Role, User } from '../api/types';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

type Responder = (req: RecordedRequest) => Response | Promise<Response>;

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });
}

export function apiError(status: number, code: string, message: string, headers = {}) {
  return jsonResponse(status, { error: { code, message, details: [] } }, headers);
}

export function makeUser(overrides: Partial<User> & { name: string; role: Role }): User {
  const slug = overrides.name.toLowerCase().replace(/\s+/g, '.');
  return {
    id: `id-${slug}`,
    email: `${slug}@coach.test`,
    team_leader_id: null,
    manager_id: null,
    department: 'Support',
    employee_id: `E-${slug.length}`,
    hire_date: '2024-03-15',
    phone: null,
    avatar_url: null,
    status: 'ACTIVE',
    learning_style: null,
    shift_pattern: null,
    timezone: 'Europe/London',
    last_login_at: null,
    created_at: '2024-03-15T09:00:00Z',
    updated_at: '2024-03-15T09:00:00Z',
    deleted_at: null,
    ...overrides,
  };
}

export const SERVER_CSRF = 'csrf-from-server';

export function fakeApi(overrides: Record<string, Responder>) {
  const routes: Record<string, Responder> = {
    'GET /api/v1/auth/csrf': () => jsonResponse(200, { csrf_token: SERVER_CSRF }),
    ...overrides,
  };
  const requests: RecordedRequest[] = [];
  // The client (openapi-fetch) calls fetch with a Request; `url` is its path and query.
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const parsed = new URL(request.url);
    const url = parsed.pathname + parsed.search;
    const method = request.method;
    const text = method === 'GET' || method === 'HEAD' ? '' : await request.text();
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    const req = { method, url, headers: request.headers, body };
    requests.push(req);
    const path = url.split('?')[0];
    const responder = routes[`${method} ${url}`] ?? routes[`${method} ${path}`];
    if (!responder) return apiError(404, 'not_found', `no fake for ${method} ${url}`);
    return responder(req);
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
}
