import type { Response } from '@playwright/test';
import {
  accountButton,
  chooseFromAccountMenu,
  DEMO_PASSWORD,
  expect,
  signIn,
  test,
} from './fixtures';

test('the app is served under the strict CSP', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  // The stylesheet applied (a file, not an inline block): the sign-in card is centred.
  const card = page.locator('.signin-card');
  await expect(card).toHaveCSS('max-width', '384px');
});

test('a wrong password shows the error and stays on sign-in', async ({ page }) => {
  await signIn(page, 'manager1@coach.demo', 'not-the-password');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('The email or password is incorrect.');
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0); // no signed-in header
  // Nothing signed in behind the scenes either.
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(401);
  await page.screenshot({ path: 'test-results/signin-error.png' });
});

test('repeated failures are slowed, the wait is shown, and it doubles', async ({ page }) => {
  // Three free failures per account and address, then a wait of 5 s that doubles with each
  // further failure (docs/domain.md, "Sign-in throttling").
  await page.goto('/');
  const email = page.getByLabel('Email');
  const password = page.getByLabel('Password');
  const submit = page.getByRole('button', { name: 'Sign in' });
  const alert = page.getByRole('alert');
  async function attempt(value: string): Promise<Response> {
    await password.fill(value);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await submit.click();
    return answer;
  }
  await email.fill('manager2@coach.demo');
  for (let i = 0; i < 4; i++) expect((await attempt(`wrong-${i}`)).status()).toBe(401);

  const first = await attempt(DEMO_PASSWORD); // even the right password waits
  expect(first.status()).toBe(429);
  const firstWait = Number(first.headers()['retry-after']);
  expect(firstWait).toBeGreaterThanOrEqual(1);
  expect(firstWait).toBeLessThanOrEqual(5);
  await expect(alert).toContainText('Too many failed sign-in attempts');
  // The countdown ends, the button comes back; one more failure doubles the wait.
  await expect(alert).toContainText('You can try again now.', { timeout: 10_000 });
  await expect(submit).toBeEnabled();
  expect((await attempt('wrong-again')).status()).toBe(401);
  const second = await attempt(DEMO_PASSWORD);
  expect(second.status()).toBe(429);
  const retryAfter = Number(second.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThan(5);
  expect(retryAfter).toBeLessThanOrEqual(10);

  await expect(alert).toContainText(/You can try again in .*\d+ seconds?\)?\./);
  const shown = Number((await alert.textContent())?.match(/(\d+) seconds?\)?\./)?.[1]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(retryAfter);
  await expect(submit).toBeDisabled();
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  await page.screenshot({ path: 'test-results/signin-rate-limited.png' });
});

test('sign out returns to sign-in and a reload stays signed out', async ({ page }) => {
  await signIn(page, 'tl1@coach.demo');
  await expect(accountButton(page, 'Jordan Blake')).toBeVisible();
  // A reload keeps the session (cookie) and the CSRF token (sessionStorage).
  await page.reload();
  await expect(accountButton(page, 'Jordan Blake')).toBeVisible();

  const logout = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/auth/logout') && r.request().method() === 'POST',
  );
  await chooseFromAccountMenu(page, 'Jordan Blake', 'Sign out');
  expect((await logout).status()).toBe(204);
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  // Signing out on purpose does not offer to come back to the last page.
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  await expect(page.getByRole('banner')).toHaveCount(0); // no signed-in header
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(401);
  expect(await page.evaluate(() => sessionStorage.getItem('coach.csrf_token'))).toBeNull();
});

test('the session cookie is HttpOnly and SameSite=Strict', async ({ page, context }) => {
  await signIn(page, 'admin@coach.demo', DEMO_PASSWORD);
  await expect(accountButton(page, 'Avery Collins')).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies) {
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
  }
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
