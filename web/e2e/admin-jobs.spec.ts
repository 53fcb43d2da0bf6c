import { expect, signIn, test } from './fixtures';

test('an admin runs a job now and sees it succeed', async ({ page }) => {
  test.slow(); // the job runs on the server while the test waits
  await signIn(page, 'admin@coach.demo', undefined, '/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();

  const card = page.getByRole('region', { name: 'Team summary' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText(/Daily at \d\d:\d\d/);
  const runs = card.getByRole('table', { name: 'Last runs of Team summary' });
  const before = (await runs.count()) === 0 ? 0 : await runs.locator('tbody tr').count();

  await card.getByRole('button', { name: 'Run now' }).click();
  await expect(card.getByRole('status')).toContainText('Run finished: Succeeded', { timeout: 60_000 });

  // The list was refreshed: the new run is first, started by "Run now".
  const first = runs.locator('tbody tr').first();
  await expect(first.getByText('Succeeded')).toBeVisible();
  await expect(first).toContainText('Run now');
  await expect(runs.locator('tbody tr')).toHaveCount(Math.min(before + 1, 10));
  await page.screenshot({ path: 'test-results/jobs.png', fullPage: true });
});

test('the history job offers a date and a full rebuild', async ({ page }) => {
  await signIn(page, 'admin@coach.demo', undefined, '/jobs');
  const card = page.getByRole('region', { name: 'History' });
  await expect(card).toBeVisible({ timeout: 30_000 });
  await expect(card.getByLabel('As of date (optional)')).toBeVisible();
  await expect(card.getByRole('checkbox', { name: /Full rebuild/ })).toBeVisible();
  const retention = page.getByRole('region', { name: 'Retention' });
  await expect(retention.getByRole('checkbox')).toHaveCount(0);
});
