import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './signInPath';

describe('signInPath', () => {
  it('asks to come back to a deep link, with readable slashes', () => {
    expect(signInPath('/admin/users')).toBe('/sign-in?next=/admin/users');
    expect(signInPath('/people?team=a&b=c#x')).toBe('/sign-in?next=/people%3Fteam%3Da%26b%3Dc%23x');
  });

  it('needs no "next" for home or sign-in itself', () => {
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('/sign-in')).toBe('/sign-in');
    expect(signInPath('/sign-in?next=/people')).toBe('/sign-in');
  });

  it('round-trips through the query string', () => {
    for (const here of ['/people', '/agents/1f2e?from=2026-01-01&to=2026-02-01', '/a b/ü']) {
      const next = new URL(signInPath(here), 'http://x').searchParams.get('next');
      expect(safeNextPath(next)).toBe(new URL(here, 'http://x').pathname + new URL(here, 'http://x').search);
    }
  });
});

describe('safeNextPath', () => {
  it('keeps paths of this app', () => {
    expect(safeNextPath('/people')).toBe('/people');
    expect(safeNextPath('/agents/42?tab=notes#top')).toBe('/agents/42?tab=notes#top');
  });

  it.each([
    null,
    undefined,
    '',
    'people',
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\tevil',
    'javascript:alert(1)',
    '/sign-in',
    '/sign-in?next=/people',
  ])('sends %j home', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
});
