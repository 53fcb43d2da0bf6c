import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// What people type is shown as text: a name and a note holding markup, right-to-left script
// and emoji appear as written, and nothing in them runs (the page would set window.__pwned).
// The person this test adds is deleted at the end, so other specs see the demo as it was.

const NAME = '<script>window.__pwned = 1</script> سارة الحربي 👩🏽‍💼 Zoë';
const NOTE = '<img src=x onerror="window.__pwned = 2"> العميل غاضب 😤 call back at 14:00';

async function csrfOf(page: Page): Promise<string> {
  const res = await page.request.get('/api/v1/auth/csrf');
  return ((await res.json()) as { csrf_token: string }).csrf_token;
}

async function idOf(page: Page, q: string): Promise<string> {
  const res = await page.request.get(`/api/v1/users?q=${encodeURIComponent(q)}&limit=1`);
  const user = ((await res.json()) as { items: { id: string }[] }).items[0];
  if (!user) throw new Error(`no demo user matches ${q}`);
  return user.id;
}

function pwned(page: Page) {
  return page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null);
}

test('names and notes with markup, right-to-left text and emoji show as text', async ({ page, browser }) => {
  test.slow();
  await signIn(page, 'admin@coach.demo', undefined, '/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  const email = `names-${Date.now()}@coach.demo`;
  const created = await page.request.post('/api/v1/users', {
    data: { email, name: NAME, role: 'AGENT', team_leader_id: await idOf(page, 'tl1@coach.demo') },
    headers: { 'X-CSRF-Token': await csrfOf(page) },
  });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const leader = await browser.newContext();
  try {
    // The admin's page of the person shows the name as written.
    await page.goto(`/people/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();

    // The team leader writes a note about them and reads both on the agent's page.
    const tl = await leader.newPage();
    await signIn(tl, 'tl1@coach.demo', undefined, `/agents/${id}`);
    await expect(tl.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    const note = await tl.request.post('/api/v1/quick-notes', {
      data: { agent_id: id, note_type: 'URGENT', content: NOTE },
      headers: { 'X-CSRF-Token': await csrfOf(tl) },
    });
    expect(note.status()).toBe(201);
    await tl.reload();
    await expect(tl.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await expect(tl.getByRole('region', { name: 'Quick notes' }).getByText(NOTE)).toBeVisible();
    await tl.screenshot({ path: 'test-results/names-agent-page.png', fullPage: true });
    expect(await pwned(tl)).toBeNull();
    expect(await pwned(page)).toBeNull();
  } finally {
    await leader.close();
    const gone = await page.request.delete(`/api/v1/users/${id}`, {
      headers: { 'X-CSRF-Token': await csrfOf(page) },
    });
    expect([200, 204]).toContain(gone.status());
  }
});
