// The CSRF token of the cookie session. Kept in memory and mirrored to sessionStorage so a
// reload of the same tab can still send writes; never in a cookie or localStorage.
const STORAGE_KEY = 'coach.csrf_token';

let memory: string | null = null;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled by the browser
  }
}

export function getCsrfToken(): string | null {
  if (memory !== null) return memory;
  try {
    memory = storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    memory = null;
  }
  return memory;
}

export function setCsrfToken(token: string | null): void {
  memory = token;
  try {
    const s = storage();
    if (!s) return;
    if (token === null) s.removeItem(STORAGE_KEY);
    else s.setItem(STORAGE_KEY, token);
  } catch {
    // Memory alone still works for this page's lifetime.
  }
}
