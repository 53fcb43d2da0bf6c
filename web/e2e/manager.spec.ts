import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chooseFromAccountMenu, expect, signIn, test } from './fixtures';

const LEVEL_WORD = /(Excellent|Good|Fair|Poor|Critical|No data)$/;

interface UserRow {
  id: string;
  email: string;
  name: string;
  manager_id: string | null;
}

/** axe-core's serious or critical WCAG 2.1 AA violations on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** As the admin (through the page's own session): a team leader of another manager than manager1. */
async function teamLeaderOfAnotherManager(page: Page): Promise<UserRow> {
  await signIn(page, 'admin@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Administration' })).toBeVisible();
  const managers = await page.request.get('/api/v1/users?role=MANAGER&limit=500');
  expect(managers.status()).toBe(200);
  const manager1 = ((await managers.json()) as { items: UserRow[] }).items.find(
    (u) => u.email === 'manager1@coach.demo',
  );
  expect(manager1).toBeTruthy();
  const leaders = await page.request.get('/api/v1/users?role=TEAM_LEADER&limit=500');
  expect(leaders.status()).toBe(200);
  const other = ((await leaders.json()) as { items: UserRow[] }).items.find(
    (u) => u.manager_id !== null && u.manager_id !== manager1?.id,
  );
  expect(other, 'a team leader of another manager').toBeTruthy();
  await chooseFromAccountMenu(page, 'Avery Collins', 'Sign out');
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  return other as UserRow;
}

test('a manager reads the matrix, drills to a team and an agent, and reads the correlations', async ({
  page,
}) => {
  // Two sign-ins, five pages and two axe-core scans: more than the default 30 s on two cores.
  test.slow();
  const foreign = await teamLeaderOfAnotherManager(page);

  await signIn(page, 'manager1@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Team performance' })).toBeVisible();

  // The matrix: the manager's three teams, each cell a number with its level in words.
  const matrix = page.getByRole('table', { name: 'Your teams by metric' });
  const rows = matrix.locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.locator('th')).toHaveText(['Jordan Blake', 'Marcus Holloway', 'Priya Natarajan']);
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    await expect(cells.nth(0)).toHaveText(/^\d+$/); // agents
    await expect(cells.nth(1)).toHaveText(/^\d{1,3}\.\d{2}/); // composite
    await expect(cells.nth(1)).toHaveText(LEVEL_WORD);
    await expect(cells.nth(9)).toHaveText(/^\d+ s$/); // AHT
  }
  await expect(page.getByRole('list', { name: 'Levels (0–100 scores)' })).toBeVisible();
  // A foreign team leader is not in the manager's matrix.
  await expect(matrix.getByText(foreign.name)).toHaveCount(0);
  await expect(page.getByRole('table', { name: /^Correlations between metrics/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/manager-home.png', fullPage: true });

  // Drill down: the team's agents, most urgent first, with level, composite and trend.
  await matrix.getByRole('link', { name: 'Jordan Blake' }).click();
  await expect(page).toHaveURL(/\/teams\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Blake’s team' })).toBeVisible();
  const agents = page.getByRole('table', { name: 'Agents of Jordan Blake, most urgent first' });
  const agentRows = agents.locator('tbody tr');
  await expect(agentRows.first()).toBeVisible();
  expect(await agentRows.count()).toBeGreaterThanOrEqual(13);
  const first = agentRows.first();
  await expect(first.locator('td').nth(0)).toHaveText(/^(Excellent|Good|Fair|Poor|Critical|No level)$/);
  await expect(first.locator('td').nth(1)).toHaveText(/^\d{1,3}\.\d{2}$/);
  await expect(first.locator('td').nth(2)).toHaveText(
    /^[↑→↓·] (Improving|Stable|Declining|Not enough data|No trend yet)$/,
  );
  const urgencies = (await agents.locator('tbody tr td:nth-of-type(4)').allTextContents()).map(Number);
  expect(urgencies).toEqual([...urgencies].sort((a, b) => b - a));
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/manager-team.png', fullPage: true });

  // An agent opens their own page.
  const agentLink = first.locator('th').getByRole('link');
  const href = await agentLink.getAttribute('href');
  expect(href).toMatch(/^\/agents\/[0-9a-f-]{36}$/);
  await agentLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  // Back home: the correlations, with sample sizes, over the period the manager picks.
  await page.goto('/');
  const correlations = page.getByRole('table', {
    name: /^Correlations between metrics over [\d,]+ agent-days$/,
  });
  await expect(correlations).toBeVisible();
  const service = correlations.locator('tbody tr', {
    has: page.getByRole('rowheader', { name: 'Service' }),
  });
  const serviceByProductivity = service.locator('td').nth(1);
  // "0.80, strong positive link, n = 2,695 agent-days with both" (the link in words for AT).
  await expect(serviceByProductivity).toHaveText(
    /^−?\d\.\d{2}, ((strong|moderate|weak) (positive|negative)|no clear) link, n = [\d,]+ agent-days/,
  );
  await expect(service.locator('td').nth(0)).toHaveText('—same metric');
  await expect(page.getByText(/Each figure r \(from −1 to 1\)/)).toBeVisible();

  const answer = page.waitForResponse((r) =>
    r.url().includes('/api/v1/analytics/correlations?from='),
  );
  await page.getByLabel('Period', { exact: true }).selectOption('30');
  expect((await answer).status()).toBe(200);
  await expect(
    page.getByText(/^\d+ \w+ \d{4} to \d+ \w+ \d{4}: \d+ agents, [\d,]+ agent-days$/),
  ).toBeVisible();
  await expect(correlations).toBeVisible();
  await page.screenshot({ path: 'test-results/manager-correlations.png', fullPage: true });

  // Another manager's team: the server answers 404 and the page says "not found".
  const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/teams/${foreign.id}/dashboard`));
  await page.goto(`/teams/${foreign.id}`);
  expect([403, 404]).toContain((await refused).status());
  await expect(page.getByRole('heading', { level: 1, name: 'Team not found' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
});
