import { defineConfig } from '@playwright/test';

// End-to-end tests against a running `coach serve` (scripts/e2e starts a throwaway one and
// sets COACH_E2E_URL). The browser is Debian's chromium; Playwright never downloads its own.
const baseURL = process.env.COACH_E2E_URL ?? 'http://127.0.0.1:8080';
const executablePath = process.env.COACH_E2E_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/e2e',
  // One worker: the machine has two cores and sign-in is rate limited per client address.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Playwright gives every launch a new, empty profile directory itself (it refuses an
    // explicit --user-data-dir for non-persistent contexts).
    launchOptions: {
      executablePath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
