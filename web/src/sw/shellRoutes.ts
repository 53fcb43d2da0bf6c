// Which requests the service worker (sw.ts) answers with the app shell. Shared by the worker
// and its tests; it uses nothing but URL, so it compiles for both the page and the worker.

/** The app shell: the one HTML page every client-side route is rendered from. */
export const SHELL_URL = '/index.html';

/**
 * Paths the server answers itself, never with the app: the API, its health checks and
 * metrics. A navigation to one of them (opening /api/v1/openapi.json in a tab, say) always
 * goes to the network, and nothing under them is ever cached by the worker.
 */
const SERVER_PATHS = ['/api', '/healthz', '/readyz', '/metrics'] as const;

/** Whether `pathname` is one of the server's own paths (or under one). */
export function isServerPath(pathname: string): boolean {
  return SERVER_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Whether a navigation to `url` is to a page of the app (so, offline, the cached shell may
 * answer it): same origin, not a server path, and not a file (the server gives the app only
 * for paths whose last segment has no dot; a missing file there is a real 404).
 */
export function isShellNavigation(url: URL, origin: string): boolean {
  if (url.origin !== origin) return false;
  if (isServerPath(url.pathname)) return false;
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  return !last.includes('.');
}
