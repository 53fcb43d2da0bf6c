import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

// The server (`coach serve`) serves web/dist; in development Vite proxies the API to it.
const apiTarget = process.env.COACH_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [
    react(),
    // The service worker (src/sw/sw.ts -> dist/sw.js, at the root so its scope is the whole
    // app): it keeps the build's own files for offline use and never an API answer
    // (docs/architecture.md, "Offline"). src/sw/register.ts registers it; nothing is injected
    // into index.html (an inline script would break the CSP) and there is no web app manifest.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        // The shell and every chunk (the pages load lazily; offline they must be there too).
        // Not .vite/manifest.json, not source maps.
        globPatterns: ['**/*.{html,js,css,svg,woff2,png,ico}'],
        globIgnores: ['sw.js', '.vite/**'],
        rollupFormat: 'iife',
      },
      devOptions: { enabled: false },
    }),
  ],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    // Which chunks each page needs: bench/web/bundle-size.mjs reads it.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Vitest's default 5 s per test is Testing Library's own wait (src/test/setup.ts): on a
    // loaded two-core CI machine a test that waits once could be cut off while still passing.
    testTimeout: 30_000,
    unstubGlobals: true,
  },
});
