// The service worker (built by vite-plugin-pwa's injectManifest into dist/sw.js, served from
// the root so its scope is the whole app). It keeps the app shell (index.html, every JS and
// CSS chunk, the icon) so the app opens without network once it has been opened online, and
// the quick-note outbox (src/notes/outbox.ts) then sends what was written offline.
//
// It never caches an API answer: only the build's own files are in its cache (the precache
// manifest Workbox writes at build time), and no route below matches /api, /healthz, /readyz
// or /metrics, so those requests go to the network untouched. What the server sends depends on
// who asks; a cached answer could show one user's data to the next on a shared device.
//
// Updates: a new deployment changes this file (its precache manifest lists new hashes), the
// browser finds it on the next navigation (the server sends it with Cache-Control: no-cache),
// installs it, and skipWaiting + clientsClaim make it take over at once; the old files are
// removed from its cache. Pages are opened from the network when it answers (so an online
// load always gets the deployed index.html), from the cache only when it does not.
import { clientsClaim } from 'workbox-core';
import {
  addRoute,
  cleanupOutdatedCaches,
  precache,
  PrecacheFallbackPlugin,
  type PrecacheEntry,
} from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';
import { isShellNavigation, SHELL_URL } from './shellRoutes';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (PrecacheEntry | string)[];
};

/** How long a navigation waits for the network before the cached shell answers (a weak signal). */
const NETWORK_TIMEOUT_SECONDS = 4;

void self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precache(self.__WB_MANIFEST);

// Navigations to the app's pages first (routes match in the order they are registered): the
// network, else the cached shell. Nothing here stores what the network answers.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && isShellNavigation(url, self.location.origin),
  new NetworkOnly({
    networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
    plugins: [new PrecacheFallbackPlugin({ fallbackURL: SHELL_URL })],
  }),
);
// Then the precached files themselves (the hashed chunks, the icon), from the cache.
addRoute();
