import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// The team leader's day: the priority queue at home, then an agent's page. The User Timing
// measures the pages leave ('queue': data arrived -> rows rendered; 'chart': uPlot built ->
// first drawn) are printed, not asserted: timings on a shared two-core machine vary.

const TEAM_LEADER = 'tl1@coach.demo';

// The measures time the page's main thread. The config's trace (kept on failure) records a
// screencast as well: every frame the page paints is encoded and sent to the test runner on
// the same two cores, which made the first page's 'queue' measure 200 - 350 ms in about half the
// runs instead of 25 - 50 ms (bench/RESULTS.md, Issue 12). This file's traces keep the DOM
// snapshots of each step (what a failure needs) and leave the screencast out.
test.use({ trace: { mode: 'retain-on-failure', screenshots: false, snapshots: true, sources: true } });

/**
 * How busy the machine is: a fixed loop's time in the page, printed beside the measures (an
 * idle desktop runs it in about 10 ms; a shared CI machine can be many times slower).
 */
async function calibration(page: Page): Promise<string> {
  const ms = await page.evaluate(() => {
    const start = performance.now();
    let sum = 0;
    for (let i = 0; i < 1e7; i++) sum += i;
    return sum > 0 ? performance.now() - start : 0;
  });
  return `(calibration: a 1e7-step loop took ${Math.round(ms)} ms)`;
}

/** The durations (ms) of the User Timing measures of that name, oldest first. */
async function measures(page: Page, name: string): Promise<number[]> {
  return page.evaluate(
    (n) => performance.getEntriesByName(n, 'measure').map((e) => Math.round(e.duration * 10) / 10),
    name,
  );
}

function queueRows(page: Page) {
  return page.locator('table.queue-table tbody tr:has(th[scope="row"])');
}

test('the team leader finds the most urgent agent, reads why, and opens their page', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, TEAM_LEADER);
  await expect(page.getByRole('heading', { level: 1, name: 'Priority queue' })).toBeVisible();
  const rows = queueRows(page);
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText(/Showing (\d+) of \1 agents/);

  // Most urgent first: the first row's score is the highest of all.
  const scores = (await rows.locator('.urgency-value').allTextContents()).map((t) => Number.parseInt(t, 10));
  expect(scores.length).toBeGreaterThanOrEqual(10);
  expect(scores[0]).toBe(Math.max(...scores));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  const top = rows.first();
  const name = (await top.getByRole('link').first().textContent()) ?? '';
  const reasons = await top.locator('.queue-reasons li').allTextContents();
  expect(reasons.length).toBeGreaterThan(0);
  // The reasons are the server's sentences, with the points each adds.
  expect(reasons.join(' | ')).toMatch(/30-day composite \d+\.\d\d \([A-Z]+\)/);
  await expect(top.getByText(/^(Excellent|Good|Fair|Poor|Critical|No level)$/)).toBeVisible();
  await expect(top.getByText(/^(Overdue by \d+ days?|On time|Never coached)$/)).toBeVisible();
  console.log(`most urgent: ${name} (${scores[0]}): ${reasons.join(' | ')}`);

  await expect.poll(() => measures(page, 'queue')).not.toEqual([]);
  console.log(
    `queue: ${await rows.count()} agents rendered ${(await measures(page, 'queue')).join(', ')} ms after the data arrived ${await calibration(page)}`,
  );
  await page.screenshot({ path: 'test-results/team-leader-queue.png', fullPage: true });

  await top.getByRole('link').first().click();
  await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const scorecard = page.getByRole('region', { name: 'Scorecard' });
  await expect(scorecard.getByRole('heading', { name: 'Composite' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Composite score, daily, last 90 days' })).toBeVisible();
  await expect.poll(() => measures(page, 'chart')).not.toEqual([]);
  const before = (await measures(page, 'chart')).length;

  await page.getByRole('radio', { name: '365 days' }).click();
  await expect(page).toHaveURL(/\?range=365$/);
  const year = page.getByRole('figure', { name: 'Composite score, daily, last 365 days' });
  await expect(year).toBeVisible();
  await expect(year.locator('canvas')).toBeVisible();
  await expect.poll(async () => (await measures(page, 'chart')).length).toBeGreaterThan(before);
  const chart = await measures(page, 'chart');
  console.log(
    `chart: the 365-day chart drawn in ${chart[chart.length - 1]} ms (every daily chart drawn: ${chart.join(', ')} ms) ${await calibration(page)}`,
  );
  // The text alternative says how many days the year holds, and where the team went.
  await expect(year.locator('p.visually-hidden')).toHaveText(/last 365 days: \d+ days with data/);
  await expect(year.getByText('Team average', { exact: true })).toBeVisible();
  await expect(year.locator('p.visually-hidden')).toContainText('The team average went from');
  // Two years: the archive's days, the agent's and the team's.
  await page.getByRole('radio', { name: '2 years' }).click();
  await expect(page).toHaveURL(/\?range=730$/);
  const twoYears = page.getByRole('figure', { name: 'Composite score, daily, last 2 years' });
  await expect(twoYears.locator('canvas')).toBeVisible();
  await expect(twoYears.getByText('Team average', { exact: true })).toBeVisible();

  const history = page.getByRole('region', { name: 'History' });
  const table = history.getByRole('table', { name: 'History by week, latest first' });
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(4);
  // A period's events are counted, and listed behind a disclosure.
  const events = table.locator('details').filter({ hasText: /session/ }).first();
  await events.locator('summary').press('Enter');
  await expect(events.getByText(/coaching session completed/).first()).toBeVisible();
  await history.getByRole('radio', { name: 'Months' }).click();
  await expect(history.getByRole('table', { name: 'History by month, latest first' })).toBeVisible();
  await page.screenshot({ path: 'test-results/team-leader-agent-page.png', fullPage: true });
});

test('a keyboard reaches an agent page from the queue with Tab and Enter only', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, TEAM_LEADER);
  await expect(queueRows(page).first()).toBeVisible();
  const firstName = (await queueRows(page).first().getByRole('link').first().textContent()) ?? '';

  let onAgent = false;
  for (let i = 0; i < 40 && !onAgent; i++) {
    await page.keyboard.press('Tab');
    onAgent = await page.evaluate(
      () => document.activeElement?.tagName === 'A' && !!document.activeElement.closest('table.queue-table'),
    );
  }
  expect(onAgent, 'Tab reached an agent link in the queue').toBe(true);
  await expect(page.locator(':focus')).toHaveText(firstName);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/agents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Scorecard' })).toBeVisible();
});

test('a 200-agent team renders its queue (virtualised) and filters it', async ({ page }) => {
  test.setTimeout(60_000);
  // The demo team has 14 agents: the API's answer is multiplied to 200 for this measurement.
  await page.route('**/api/v1/dashboard', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { agents: { agent_id: string; name: string; urgency_score: number }[] };
    const base = body.agents;
    const agents = Array.from({ length: 200 }, (_, i) => {
      const a = base[i % base.length]!;
      return { ...a, agent_id: `${a.agent_id.slice(0, 24)}${String(i).padStart(12, '0')}`, name: `${a.name} ${i + 1}` };
    }).sort((a, b) => b.urgency_score - a.urgency_score);
    await route.fulfill({ response, json: { ...body, agents } });
  });
  await signIn(page, TEAM_LEADER);
  const rows = queueRows(page);
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', '201');
  await expect.poll(() => measures(page, 'queue')).not.toEqual([]);
  const drawn = await rows.count();
  console.log(
    `queue of 200: ${drawn} rows drawn, rendered ${(await measures(page, 'queue')).join(', ')} ms after the data arrived ${await calibration(page)}`,
  );
  expect(drawn).toBeLessThan(200);

  // Scrolling draws the rest; the last agent is reachable.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.locator('tr[aria-rowindex="201"]')).toBeVisible();

  await page.getByLabel('Search by name').fill('200');
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /^Showing/ })).toHaveText('Showing 1 of 200 agents');
});
