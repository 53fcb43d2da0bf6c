import type { APIRequestContext, Page, Request } from '@playwright/test';
import { DEMO_PASSWORD, expect, signIn, test } from './fixtures';

// Quick notes on the demo organisation: a team leader writes one on a phone with the network
// cut, it waits on the device and is sent once when the network returns; a create whose answer
// was lost is sent again with the same Idempotency-Key and written once; the manager sees the
// notes past their deadline; agents never see notes.

const TEAM_LEADER = 'tl1@coach.demo';
const PHONE = { width: 390, height: 844 };

interface NotePage {
  items: { id: string; content: string; agent_id: string }[];
  next_cursor: string | null;
}

/** How many notes about `agentId` have exactly `content` on the server (with the page's session). */
async function countNotes(request: APIRequestContext, agentId: string, content: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const url = `/api/v1/quick-notes?agent_id=${agentId}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await request.get(url);
    expect(res.status()).toBe(200);
    const page = (await res.json()) as NotePage;
    count += page.items.filter((n) => n.content === content).length;
    cursor = page.next_cursor;
  } while (cursor);
  return count;
}

/** The first agent the picker offers: its name and id (from the team leader's agents). */
async function firstAgent(page: Page): Promise<{ name: string; id: string }> {
  const option = page.getByRole('group', { name: 'Agent' }).locator('.notes-agent-name').first();
  await expect(option).toBeVisible();
  const name = (await option.textContent()) ?? '';
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { id: string };
  const res = await page.request.get(`/api/v1/users?role=AGENT&team_leader_id=${me.id}&limit=500`);
  const agents = ((await res.json()) as { items: { id: string; name: string }[] }).items;
  const agent = agents.find((a) => a.name === name);
  if (!agent) throw new Error(`${name} is not one of the team leader's agents`);
  return { name, id: agent.id };
}

async function writeNote(page: Page, agent: string, type: string, text: string) {
  await page.getByRole('group', { name: 'Agent' }).getByRole('button', { name: agent }).click();
  await page.getByRole('radio', { name: new RegExp(`^${type}`) }).check();
  await page.getByRole('textbox', { name: 'Note' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

function isCreate(request: Request): boolean {
  return request.method() === 'POST' && new URL(request.url()).pathname === '/api/v1/quick-notes';
}

test.describe('on a phone', () => {
  test.use({ viewport: PHONE });

  test('a note written with the network cut waits on the device and is sent once when it returns', async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    await signIn(page, TEAM_LEADER, DEMO_PASSWORD, '/notes/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Quick note' })).toBeVisible();
    const agent = await firstAgent(page);
    const creates: Request[] = [];
    page.on('request', (r) => {
      if (isCreate(r)) creates.push(r);
    });
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await context.setOffline(true);
    await expect(page.getByText(/You are offline\. Notes you write are kept on this device/)).toBeVisible();
    const content = `Offline e2e note ${Date.now()}: kept the customer on hold three times.`;
    await writeNote(page, agent.name, 'Coaching', content);
    await expect(page.getByText(`Your note about ${agent.name} is kept on this device`, { exact: false })).toBeVisible();
    const waiting = page.getByRole('region', { name: 'Not sent yet' });
    await expect(waiting.getByText('1 note waiting for the network')).toBeVisible();
    await expect(waiting.getByText(content)).toBeVisible();
    await expect(waiting.getByText('Waiting for the network.')).toBeVisible();
    await page.screenshot({ path: 'test-results/notes-offline-390.png', fullPage: true });
    expect(creates).toHaveLength(0);

    await context.setOffline(false);
    const sent = page.getByRole('region', { name: 'Sent', exact: true });
    await expect(sent.getByText(content)).toBeVisible();
    await expect(sent.getByText('Sent', { exact: true }).last()).toBeVisible();
    await expect(waiting.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeVisible();
    await expect(page.getByText(`Sent: your note about ${agent.name}.`)).toBeVisible();
    await page.screenshot({ path: 'test-results/notes-sent-390.png', fullPage: true });

    expect(creates).toHaveLength(1);
    expect(creates[0]?.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(await countNotes(page.request, agent.id, content)).toBe(1);

    // A reload sends nothing again: the outbox is empty.
    await page.reload();
    await expect(page.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeVisible();
    expect(creates).toHaveLength(1);
    expect(await countNotes(page.request, agent.id, content)).toBe(1);
  });

  test('after one visit online, the quick note page opens with no network and its note is sent once', async ({
    page,
    context,
  }) => {
    test.setTimeout(90_000);
    // Online: the service worker installs (it keeps the app's files) and controls the page.
    await signIn(page, TEAM_LEADER, DEMO_PASSWORD, '/notes/new');
    await expect(page.getByRole('heading', { level: 1, name: 'Quick note' })).toBeVisible();
    const agent = await firstAgent(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const worker = context.serviceWorkers().find((w) => new URL(w.url()).pathname === '/sw.js');
    expect(worker, 'the service worker at /sw.js').toBeTruthy();
    // Served so that the browser always asks for it again: a new deployment replaces it.
    const script = await page.request.get('/sw.js');
    expect(script.headers()['cache-control']).toBe('no-cache');
    expect(script.headers()['content-type']).toMatch(/^text\/javascript/);
    // It keeps the build's files, and nothing of the API.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.some((u) => u.startsWith('/assets/') && u.endsWith('.js'))).toBe(true);
    expect(cached.filter((u) => !u.startsWith('/assets/') && u !== '/index.html' && u !== '/favicon.svg')).toEqual([]);

    await context.setOffline(true);
    // The worker's own requests are cut too: what follows comes from its cache.
    expect(await worker!.evaluate(() => fetch('/favicon.svg').then(() => 'reached', () => 'offline'))).toBe('offline');

    // A reload without network: the page renders (the browser's offline page before).
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Quick note' })).toBeVisible();
    await expect(page.getByText(/You are offline\. Notes you write are kept on this device/)).toBeVisible();
    await page.close();

    // A new tab, still without network (no CSRF token in it yet): the page opens, the agents
    // are those kept on the device, and a note waits.
    const tab = await context.newPage();
    const creates: Request[] = [];
    tab.on('request', (r) => {
      if (isCreate(r)) creates.push(r);
    });
    await tab.goto('/notes/new');
    await expect(tab.getByRole('heading', { level: 1, name: 'Quick note' })).toBeVisible();
    const content = `Opened-offline e2e note ${Date.now()}: read the account number aloud.`;
    await writeNote(tab, agent.name, 'Compliance', content);
    const waiting = tab.getByRole('region', { name: 'Not sent yet' });
    await expect(waiting.getByText('1 note waiting for the network')).toBeVisible();
    await expect(waiting.getByText(content)).toBeVisible();
    expect(creates).toHaveLength(0);

    // The network returns: the note is sent, once.
    await context.setOffline(false);
    await expect(tab.getByRole('region', { name: 'Sent', exact: true }).getByText(content)).toBeVisible();
    await expect(waiting.getByText('Nothing waiting: every note you wrote here has been sent.')).toBeVisible();
    expect(creates).toHaveLength(1);
    expect(await countNotes(tab.request, agent.id, content)).toBe(1);
    // The API went to the network, never to the worker's cache.
    const apiFromWorker = await tab.evaluate(async () => {
      const hits: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys())
          if (new URL(request.url).pathname.startsWith('/api/')) hits.push(request.url);
      return hits;
    });
    expect(apiFromWorker).toEqual([]);
  });

  test('a create whose answer was lost is sent again with the same key and written once', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, TEAM_LEADER, DEMO_PASSWORD, '/notes/new');
    const agent = await firstAgent(page);
    const keys: string[] = [];
    const firstAnswers: number[] = [];
    let lost = false;
    // The first create reaches the server; its answer never reaches the page.
    await page.route('**/api/v1/quick-notes', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      keys.push(request.headers()['idempotency-key'] ?? '');
      if (lost) return route.continue();
      lost = true;
      const answer = await route.fetch();
      firstAnswers.push(answer.status());
      return route.abort('connectionreset');
    });
    const content = `Lost-answer e2e note ${Date.now()}: skipped the second verification question.`;
    await writeNote(page, agent.name, 'Compliance', content);
    const waiting = page.getByRole('region', { name: 'Not sent yet' });
    await expect(waiting.getByText('1 note waiting to be sent')).toBeVisible();
    // The server wrote it the first time.
    expect(firstAnswers).toEqual([201]);
    expect(await countNotes(page.request, agent.id, content)).toBe(1);

    const replay = page.waitForResponse((r) => isCreate(r.request()));
    await waiting.getByRole('button', { name: 'Send now' }).click();
    const answer = await replay;
    expect(answer.status()).toBe(201);
    expect(answer.headers()['idempotent-replayed']).toBe('true');
    await expect(page.getByRole('region', { name: 'Sent', exact: true }).getByText(content)).toBeVisible();

    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await countNotes(page.request, agent.id, content)).toBe(1);
  });
});

test('the team leader addresses an open note from the list', async ({ page }) => {
  await signIn(page, TEAM_LEADER, DEMO_PASSWORD, '/notes?addressed=false');
  await expect(page.getByRole('heading', { level: 1, name: 'Notes' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('false');
  const first = page.getByRole('article').first();
  await expect(first).toBeVisible();
  const content = (await first.locator('.notes-item-content').textContent()) ?? '';
  await first.getByRole('button', { name: /^Address the note about / }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('How it was addressed').fill('Listened to the call together after the shift.');
  await dialog.getByRole('button', { name: 'Mark addressed' }).click();
  await expect(dialog).toBeHidden();
  // Open notes only: it left the list.
  await expect(page.getByRole('article').filter({ hasText: content })).toHaveCount(0);
});

test('the manager sees the notes past their deadline on their home', async ({ page }) => {
  await signIn(page, 'manager1@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'Team performance' })).toBeVisible();
  // The demo organisation has old open notes (src/demo/sql/quick_notes.sql): some are late.
  const res = await page.request.get('/api/v1/quick-notes?overdue=true&limit=1');
  expect(res.status()).toBe(200);
  expect(((await res.json()) as NotePage).items.length).toBe(1);

  const section = page.getByRole('region', { name: 'Notes past their deadline' });
  await expect(section.getByText(/open notes? (is|are) past their deadline/)).toBeVisible();
  const rows = section.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().locator('td').first()).toHaveText(/^\d+ (minutes?|hours?|days?) late$/);
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/notes-manager-home.png', fullPage: true });

  // Managers read notes but write none: no quick-note page for them.
  await page.goto('/notes/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('an agent gets "not found" for the notes, and the API refuses them', async ({ page }) => {
  await signIn(page, 'agent01@coach.demo');
  await expect(page.getByRole('heading', { level: 1, name: 'My scorecard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Quick notes' })).toHaveCount(0);
  await page.goto('/notes');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' })).toHaveCount(0);
  const res = await page.request.get('/api/v1/quick-notes');
  expect(res.status()).toBe(403);
});
