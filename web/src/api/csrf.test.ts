import { afterEach, describe, expect, it } from 'vitest';
import { getCsrfToken, setCsrfToken } from './csrf';

afterEach(() => setCsrfToken(null));

describe('csrf token store', () => {
  it('keeps the token and mirrors it to sessionStorage', () => {
    setCsrfToken('abc');
    expect(getCsrfToken()).toBe('abc');
    expect(window.sessionStorage.getItem('coach.csrf_token')).toBe('abc');
  });

  it('clears it from memory and storage', () => {
    setCsrfToken('abc');
    setCsrfToken(null);
    expect(getCsrfToken()).toBeNull();
    expect(window.sessionStorage.getItem('coach.csrf_token')).toBeNull();
  });

  it('is never written to localStorage or a cookie', () => {
    setCsrfToken('abc');
    expect(window.localStorage.length).toBe(0);
    expect(document.cookie).not.toContain('abc');
  });
});
