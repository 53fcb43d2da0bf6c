// The sign-in URL that brings the user back afterwards, and the check that a `next` given in
// the URL is a path of this app (never another site: /sign-in?next=//evil.example).

const SIGN_IN = '/sign-in';
const BASE = 'http://coach.invalid';

/** "/sign-in?next=/people?x=1" for the path the user asked for ("/sign-in" for home). */
export function signInPath(here: string): string {
  if (here === '/' || here === '' || here === SIGN_IN || here.startsWith(`${SIGN_IN}?`)) return SIGN_IN;
  // Slashes stay readable (they are allowed in a query); everything else is encoded.
  return `${SIGN_IN}?next=${encodeURIComponent(here).replace(/%2F/gi, '/')}`;
}

/** Where to go after signing in: `next` when it is a path of this app, else home. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  // Browsers read "\" as "/" ("/\evil.example" is another host) and drop tabs and newlines.
  for (const c of next) {
    const code = c.charCodeAt(0);
    if (c === '\\' || code < 0x20 || code === 0x7f) return '/';
  }
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.pathname === SIGN_IN) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
