import { expect, signIn, test } from './fixtures';

test('a team leader sees their name, role and the People table', async ({ page }) => {
  await signIn(page, 'tl1@coach.demo');

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

  await page.screenshot({ path: 'test-results/home-team-leader.png', fullPage: true });
});

test('an agent sees "My profile" and no People table', async ({ page }) => {
  await signIn(page, 'agent01@coach.demo');
  await expect(page.getByRole('heading', { name: 'My profile' })).toBeVisible();
  await expect(page.getByRole('banner').getByText('Agent', { exact: true })).toBeVisible();
  const profile = page.getByRole('region', { name: 'My profile' });
  await expect(profile.getByText('agent01@coach.demo')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'People' })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/home-agent.png', fullPage: true });
});

test('an admin pages through everyone with "Load more"', async ({ page }) => {
  await signIn(page, 'admin@coach.demo');
  const body = page.getByRole('table').locator('tbody tr');
  await expect(body).toHaveCount(50);
  const more = page.getByRole('button', { name: 'Load more' });
  await expect(more).toBeVisible();
  await more.click();
  await expect.poll(() => body.count()).toBeGreaterThan(50);
  // Names are unique per row id; no row is repeated across pages.
  const emails = await body.locator('td:nth-child(2)').allTextContents();
  expect(new Set(emails).size).toBe(emails.length);
});
