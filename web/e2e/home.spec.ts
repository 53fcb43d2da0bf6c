import { accountButton, chooseFromAccountMenu, expect, signIn, test } from './fixtures';

test('a team leader sees their name, role and the People table', async ({ page }) => {
  await signIn(page, 'tl1@coach.demo', undefined, '/people');
  await expect(page).toHaveURL(/\/people$/);

  const header = page.getByRole('banner');
  await expect(header.getByText('Jordan Blake')).toBeVisible();
  await expect(header.getByText('Team leader', { exact: true })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'People' })).toBeVisible();
  const table = page.getByRole('table');
  const body = table.locator('tbody tr');
  await expect(body.first()).toBeVisible();

  const agents = body.filter({ has: page.locator('td', { hasText: /^Agent$/ }) });
  const agentCount = await agents.count();
  expect(agentCount).toBeGreaterThanOrEqual(13);
  expect(agentCount).toBeLessThanOrEqual(14);

  const self = body.filter({ hasText: 'Jordan Blake' });
  await expect(self).toHaveCount(1);
  await expect(self.getByText('Team leader')).toBeVisible();
  await expect(self.getByText('tl1@coach.demo')).toBeVisible();
  await expect(body).toHaveCount(agentCount + 1);

  // Every row has the five columns filled in.
  await expect(table.locator('thead th')).toHaveText([
    'Name',
    'Email',
    'Role',
    'Status',
    'Employee ID',
  ]);
  for (const row of await body.all()) {
    await expect(row.locator('th, td')).toHaveCount(5);
    await expect(row.locator('td').last()).not.toHaveText('');
  }
  // A team leader's scope fits in one page.
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);

  // An agent's name leads to the agent's page (a deep link of its own).
  const firstAgent = agents.first().locator('th').getByRole('link');
  const name = (await firstAgent.textContent()) ?? '';
  await firstAgent.click();
  await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}$/);
  expect(name).not.toBe('');
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('table')).toBeVisible();
  await page.screenshot({ path: 'test-results/people-team-leader.png', fullPage: true });
});

test('an agent has only Home, their scorecard, and their profile on the account page', async ({
  page,
}) => {
  await signIn(page, 'agent01@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'My scorecard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Scorecard' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Agent', { exact: true })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['Home', 'My sessions']);

  await chooseFromAccountMenu(page, 'Agent', 'Account and password');
  await expect(page).toHaveURL(/\/account$/);
  const profile = page.getByRole('region', { name: 'My profile' });
  await expect(profile.getByText('agent01@coach.demo')).toBeVisible();
  await page.screenshot({ path: 'test-results/account-agent.png', fullPage: true });

  // People is not an agent's page.
  await page.goto('/people');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});

test('an admin pages through everyone with "Load more"', async ({ page }) => {
  await signIn(page, 'admin@coach.demo', undefined, '/people');
  const body = page.getByRole('table').locator('tbody tr');
  await expect(body).toHaveCount(50);
  const more = page.getByRole('button', { name: 'Load more' });
  await expect(more).toBeVisible();
  await more.click();
  await expect.poll(() => body.count()).toBeGreaterThan(50);
  // Names are unique per row id; no row is repeated across pages.
  const emails = await body.locator('td:nth-child(2)').allTextContents();
  expect(new Set(emails).size).toBe(emails.length);
  await expect(accountButton(page, 'Avery Collins')).toBeVisible();
});
