// Registers the service worker (src/sw/sw.ts, built to /sw.js) a few seconds after the page has
// loaded, so its install (which downloads the app's files for offline use, about 1 MB) does not
// compete with the first page's data and render. A few lines instead of workbox-window: the
// first-load budget stays as it was.

export const SERVICE_WORKER_URL = '/sw.js';

/** How long after the load event the worker is registered. */
export const REGISTER_DELAY_MS = 3000;

interface Env {
  navigator: Pick<Navigator, 'serviceWorker'> | { serviceWorker?: undefined };
  document: Pick<Document, 'readyState'>;
  window: Pick<Window, 'addEventListener'>;
  later: (run: () => void, ms: number) => void;
}

/**
 * Registers the worker at the root scope REGISTER_DELAY_MS after the `load` event (or after
 * now, if it has passed).
 * `updateViaCache: 'none'`: the browser always asks the server for sw.js when it checks for
 * an update (on each navigation), so a new deployment is found on the next load. Does nothing
 * where service workers are missing (plain http on another host than localhost, old browsers).
 */
export function registerServiceWorker(
  env: Env = { navigator, document, window, later: (run, ms) => window.setTimeout(run, ms) },
): void {
  const container = env.navigator.serviceWorker;
  if (!container) return;
  const register = () => {
    container.register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' }).catch(() => {
      // Without it the app still works online, as it did before; nothing to tell the user.
    });
  };
  const soon = () => env.later(register, REGISTER_DELAY_MS);
  if (env.document.readyState === 'complete') soon();
  else env.window.addEventListener('load', soon, { once: true });
}
