import { describe, expect, it } from 'vitest';
import { isServerPath, isShellNavigation, SHELL_URL } from './shellRoutes';

const ORIGIN = 'https://coach.example';
const nav = (path: string, origin = ORIGIN) => isShellNavigation(new URL(path, origin), ORIGIN);

describe('isShellNavigation', () => {
  it('gives the shell for the app routes', () => {
    for (const path of ['/', '/notes/new', '/notes?addressed=false', '/agents/42', '/sign-in?next=%2Fnotes'])
      expect(nav(path), path).toBe(true);
  });

  it('never for the API, the health checks or the metrics', () => {
    for (const path of [
      '/api',
      '/api/',
      '/api/v1/openapi.json',
      '/api/v1/auth/me',
      '/api/v1/quick-notes?agent_id=1',
      '/healthz',
      '/readyz',
      '/metrics',
      '/metrics/',
    ])
      expect(nav(path), path).toBe(false);
  });

  it('nor for files (a missing one is a real 404) or another origin', () => {
    expect(nav('/favicon.svg')).toBe(false);
    expect(nav('/assets/index-abc.js')).toBe(false);
    expect(nav(SHELL_URL)).toBe(false);
    expect(nav('/notes/new', 'https://elsewhere.example')).toBe(false);
  });

  it('tells app paths that only start like a server path from server paths', () => {
    expect(isServerPath('/apiary')).toBe(false);
    expect(isServerPath('/metrics-page')).toBe(false);
    expect(isServerPath('/api/v1/users')).toBe(true);
  });
});
