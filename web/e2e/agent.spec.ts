import { DEMO_PASSWORD, expect, signIn, test } from './fixtures';

const AGENT = 'agent01@coach.demo';

test('an agent sees their own scorecard, trends, history and profile', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, AGENT);
  await expect(page.getByRole('heading', { level: 1, name: 'My scorecard' })).toBeVisible();
  const scorecard = page.getByRole('region', { name: 'Scorecard' });
  await expect(scorecard.getByRole('heading', { name: 'Composite' })).toBeVisible();
  await expect(scorecard.locator('.score-value-large')).toHaveText(/^\d+\.\d\d$/);
  await expect(scorecard.getByText(/^(Excellent|Good|Fair|Poor|Critical)$/)).toBeVisible();
  for (const score of ['Service', 'Productivity', 'Quality', 'Attendance', 'Adherence']) {
    await expect(scorecard.getByRole('heading', { level: 3, name: score })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Customer contact' }).getByText('Calls handled')).toBeVisible();
  const daily = page.getByRole('figure', { name: 'Composite score, daily, last 90 days' });
  await expect(daily.locator('canvas')).toBeVisible();
  await expect(daily.getByText('7-day average', { exact: true })).toBeVisible();
  await expect(daily.getByText('Team average')).toHaveCount(0); // an agent's own charts: no team line
  await expect(page.getByRole('table', { name: 'History by week, latest first' })).toBeVisible();
  const profile = page.getByRole('region', { name: 'Profile' });
  await expect(profile.getByText(AGENT)).toBeVisible();
  await page.screenshot({ path: 'test-results/agent-home.png', fullPage: true });
});

test("an agent opening a peer's page gets the not-found state", async ({ page, playwright, baseURL }) => {
  test.setTimeout(90_000);
  // A peer's id, read through the API by the team leader (a request context of its own).
  const leader = await playwright.request.newContext({ baseURL });
  const login = await leader.post('/api/v1/auth/login', {
    data: { email: 'tl1@coach.demo', password: DEMO_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const res = await leader.get('/api/v1/dashboard');
  expect(res.ok()).toBe(true);
  const team = (await res.json()) as { agents: { agent_id: string; name: string }[] };
  await leader.dispose();

  await signIn(page, AGENT);
  await expect(page.getByRole('heading', { level: 1, name: 'My scorecard' })).toBeVisible();
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { id: string };
  const peer = team.agents.find((a) => a.agent_id !== me.id);
  if (!peer) throw new Error('the demo team has no second agent');

  await page.goto(`/agents/${peer.agent_id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Agent not found' })).toBeVisible();
  await expect(page.getByText('No agent here, or not one you can see.')).toBeVisible();
  await expect(page.getByText(peer.name)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Scorecard' })).toHaveCount(0);

  // Their own id is fine.
  await page.goto(`/agents/${me.id}`);
  await expect(page.getByRole('region', { name: 'Scorecard' })).toBeVisible();
});
