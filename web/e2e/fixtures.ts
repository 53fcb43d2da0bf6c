import { expect, test as base, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'coach-demo-2026';

/**
 * Every test fails if the page throws or the browser reports a Content-Security-Policy
 * violation: the server's CSP is strict and the app must live within it.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
          problems.push(`CSP: ${m.text()}`);
      });
      await use(problems);
      expect(problems, 'page errors or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Opens `path` signed out (which shows the sign-in form, returning to `path` afterwards) and
 * signs in. Does not wait for the result: a test checks what it expects.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The header's account menu button of the signed-in user (named by their name). */
export function accountButton(page: Page, name: string) {
  return page.getByRole('banner').getByRole('button', { name: new RegExp(name) });
}

/** Picks an item of the account menu ("Account and password", "Sign out"). */
export async function chooseFromAccountMenu(page: Page, name: string, item: string) {
  await accountButton(page, name).click();
  await page.getByRole('menu').getByRole('menuitem', { name: item }).click();
}
