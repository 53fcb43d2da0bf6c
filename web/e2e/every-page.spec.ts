import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// Every page each role may open, on the demo organisation: axe-core finds no serious or
// critical accessibility violation, and the main pages are photographed at 1280 and 390 px
// wide into docs/screenshots/ (the README shows them).

interface Visit {
  path: string | ((page: Page) => Promise<string>);
  /** File name stem of its screenshots; none: checked, not photographed. */
  shot?: string;
}

/** The first agent the signed-in user can see (its page is the agent page). */
async function firstAgent(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/users?role=AGENT&limit=1');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { id: string }[] };
  const agent = body.items[0];
  if (!agent) throw new Error('the demo organisation has no agent in this scope');
  return `/agents/${agent.id}`;
}

/** A session the signed-in user can read, of that status if given (its page is the session page). */
function firstSession(status?: string) {
  return async (page: Page): Promise<string> => {
    const res = await page.request.get(
      `/api/v1/coaching-sessions?limit=1&order=desc${status ? `&status=${status}` : ''}`,
    );
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { items: { id: string }[] };
    const session = body.items[0];
    if (!session) throw new Error('the demo organisation has no such session in this scope');
    return `/sessions/${session.id}`;
  };
}

/** The signed-in team leader's next scheduled session: the demo prepared the coming week's. */
async function nextSession(page: Page): Promise<string> {
  const from = encodeURIComponent(new Date().toISOString());
  const res = await page.request.get(`/api/v1/coaching-sessions?limit=1&order=asc&status=SCHEDULED&from=${from}`);
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { items: { id: string; prep_data: unknown }[] };
  const session = body.items[0];
  if (!session?.prep_data) throw new Error('the demo organisation has no prepared session ahead');
  return `/sessions/${session.id}`;
}

const VISITS: Record<string, { email: string; visits: Visit[] }> = {
  admin: {
    email: 'admin@coach.demo',
    visits: [
      { path: '/', shot: 'admin-home' },
      { path: '/people', shot: 'admin-people' },
      { path: '/imports', shot: 'admin-imports' },
      { path: '/jobs', shot: 'admin-jobs' },
      { path: '/audit' },
      { path: '/settings' },
      { path: '/account' },
      { path: '/sessions' },
      { path: '/sessions/new' },
      { path: '/notes' },
      { path: '/notes/new' },
    ],
  },
  manager: {
    email: 'manager1@coach.demo',
    visits: [
      { path: '/', shot: 'manager-home' },
      { path: '/people' },
      { path: firstAgent },
      { path: '/sessions?view=grid' },
      { path: firstSession('COMPLETED') },
      { path: '/notes' },
    ],
  },
  'team leader': {
    email: 'tl1@coach.demo',
    visits: [
      { path: '/', shot: 'team-leader-home' },
      { path: firstAgent, shot: 'agent-page' },
      { path: '/people' },
      { path: '/account', shot: 'account' },
      { path: '/sessions', shot: 'sessions-week' },
      { path: '/sessions?view=grid', shot: 'sessions-calendar' },
      { path: '/sessions/new' },
      { path: firstSession('SCHEDULED') },
      { path: nextSession, shot: 'session-prep' },
      { path: firstSession('COMPLETED'), shot: 'session-completed' },
      { path: '/notes/new', shot: 'quick-note' },
      { path: '/notes', shot: 'notes' },
    ],
  },
  agent: {
    email: 'agent01@coach.demo',
    visits: [
      { path: '/', shot: 'agent-home' },
      { path: '/account' },
      { path: '/my-sessions', shot: 'my-sessions' },
      { path: firstSession('COMPLETED') },
    ],
  },
};

const WIDTHS = [1280, 390] as const;

async function settle(page: Page) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.getByText(/^Loading/)).toHaveCount(0);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function photograph(page: Page, stem: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await settle(page);
    await page.screenshot({ path: `../docs/screenshots/${stem}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the sign-in page has no serious accessibility violation', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in to Coach' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await photograph(page, 'sign-in');
});

for (const [role, { email, visits }] of Object.entries(VISITS)) {
  test(`every page of the ${role} has no serious accessibility violation`, async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, email);
    await settle(page);
    for (const visit of visits) {
      const path = typeof visit.path === 'string' ? visit.path : await visit.path(page);
      await page.goto(path);
      await settle(page);
      expect(await seriousViolations(page), `${role} at ${path}`).toEqual([]);
      if (visit.shot) await photograph(page, visit.shot);
    }
  });
}
