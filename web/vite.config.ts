import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The server (`coach serve`) serves web/dist; in development Vite proxies the API to it.
const apiTarget = process.env.COACH_API_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
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
