import {
  accountButton,
  chooseFromAccountMenu,
  DEMO_PASSWORD,
  expect,
  signIn,
  test,
} from './fixtures';

test('a deep link asks to sign in, then comes back to it; a reload stays there', async ({
  page,
}) => {
  await page.goto('/people');
  await expect(page).toHaveURL(/\/sign-in\?next=\/people$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  await page.getByLabel('Email').fill('tl1@coach.demo');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'People' })).toHaveAttribute('aria-current', 'page');

  await page.reload();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
});

test('an expired session goes to sign-in and comes back to the same page', async ({
  page,
  context,
}) => {
  await signIn(page, 'tl2@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Priority queue' })).toBeVisible();
  // The session ends behind the app's back (as when it expires on the server).
  await context.clearCookies();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=\/people$/);
  await page.getByLabel('Email').fill('tl2@coach.demo');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
});

test('an unknown URL shows "Page not found" with a link home', async ({ page }) => {
  // Signed out: the page says so too (there is nothing to sign in for).
  const response = await page.goto('/no/such/page');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveURL(/\/no\/such\/page$/);

  await signIn(page, 'admin@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.screenshot({ path: 'test-results/not-found.png' });
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
});

test('the navigation links only to what the role may use', async ({ page }) => {
  await signIn(page, 'admin@coach.demo');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText([
    'Home',
    'Sessions',
    'Quick note',
    'Notes',
    'People',
    'Imports',
    'Jobs',
    'Audit',
    'Settings',
  ]);
  for (const [link, heading, path] of [
    ['Imports', 'Imports', '/imports'],
    ['Jobs', 'Jobs', '/jobs'],
    ['Audit', 'Audit log', '/audit'],
    ['Settings', 'Settings', '/settings'],
  ] as const) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(`${heading} · Coach`);
  }
  await page.screenshot({ path: 'test-results/nav-admin.png' });

  await chooseFromAccountMenu(page, 'Avery Collins', 'Sign out');
  await signIn(page, 'manager1@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Team performance' })).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['Home', 'Sessions', 'Notes', 'People']);
  await page.goto('/imports');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('changing the password with a wrong current password shows the field error', async ({
  page,
}) => {
  await signIn(page, 'agent02@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'My scorecard' })).toBeVisible();
  await chooseFromAccountMenu(page, 'Agent', 'Account and password');
  await expect(page).toHaveURL(/\/account$/);

  const current = page.getByLabel('Current password');
  await current.fill('not-the-password');
  await page.getByLabel('New password', { exact: true }).fill('a-much-better-secret-2026');
  await page.getByLabel('Repeat new password').fill('a-much-better-secret-2026');
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/auth/password') && r.request().method() === 'PUT',
  );
  await page.getByRole('button', { name: 'Change password' }).click();
  expect((await answer).status()).toBe(422);

  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Current password is incorrect')).toBeVisible();
  const describedBy = await current.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText('Current password is incorrect');
  await expect(page.getByRole('alert')).toContainText('Your password was not changed');
  await expect(page.getByText(/Your password has been changed/)).toHaveCount(0);
  await expect(current).toBeFocused();
  await page.screenshot({ path: 'test-results/change-password-refused.png', fullPage: true });

  // Still signed in, with the old password unchanged.
  await expect(accountButton(page, 'Agent')).toBeVisible();
});

test('on a 360 px phone the navigation folds into a menu button', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, 'tl1@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Priority queue' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const toggle = page.getByRole('button', { name: 'Menu' });
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await page.screenshot({ path: 'test-results/phone-menu-open.png' });
  await nav.getByRole('link', { name: 'People' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(nav).toBeHidden();
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  // Nothing sticks out sideways but the table, which scrolls in its own box.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/phone-people.png' });
});

test('the dark theme follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(dark).toBe('rgb(15, 20, 27)');
  expect(light).toBe('rgb(244, 246, 249)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/signin-dark.png' });

  await signIn(page, 'manager1@coach.demo', DEMO_PASSWORD, '/people');
  await expect(page.getByRole('table').locator('tbody tr').first()).toBeVisible();
  await accountButton(page, 'Manager').click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
  await page.screenshot({ path: 'test-results/people-dark-menu.png' });
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(accountButton(page, 'Manager')).toBeFocused();
});
