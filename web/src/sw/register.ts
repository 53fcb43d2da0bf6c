// Registers the service worker (src/sw/sw.ts, built to /sw.js) once the page has loaded, so
// its install (which downloads the app's files for offline use) never competes with the
// first render. A few lines instead of workbox-window: the first-load budget stays as it was.

export const SERVICE_WORKER_URL = '/sw.js';

interface Env {
  navigator: Pick<Navigator, 'serviceWorker'> | { serviceWorker?: undefined };
  document: Pick<Document, 'readyState'>;
  window: Pick<Window, 'addEventListener'>;
}

/**
 * Registers the worker at the root scope after the `load` event (now, if it has passed).
 * `updateViaCache: 'none'`: the browser always asks the server for sw.js when it checks for
 * an update (on each navigation), so a new deployment is found on the next load. Does nothing
 * where service workers are missing (plain http on another host than localhost, old browsers).
 */
export function registerServiceWorker(
  env: Env = { navigator, document, window },
): void {
  const container = env.navigator.serviceWorker;
  if (!container) return;
  const register = () => {
    container.register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' }).catch(() => {
      // Without it the app still works online, as it did before; nothing to tell the user.
    });
  };
  if (env.document.readyState === 'complete') register();
  else env.window.addEventListener('load', register, { once: true });
}
