import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// The audit log and the settings as the demo admin. What a test changes it puts back.

interface DemoUser {
  id: string;
  name: string;
  team_leader_id: string | null;
}

async function findUser(page: Page, q: string): Promise<DemoUser> {
  const res = await page.request.get(`/api/v1/users?q=${encodeURIComponent(q)}&limit=1`);
  expect(res.ok()).toBe(true);
  const user = ((await res.json()) as { items: DemoUser[] }).items[0];
  if (!user) throw new Error(`no demo user matches ${q}`);
  return user;
}

/** PATCH /api/v1/users/{id} with the signed-in session (and its CSRF token). */
async function patchUser(page: Page, id: string, body: object) {
  const csrf = await page.request.get('/api/v1/auth/csrf');
  const { csrf_token } = (await csrf.json()) as { csrf_token: string };
  const res = await page.request.patch(`/api/v1/users/${id}`, {
    data: body,
    headers: { 'X-CSRF-Token': csrf_token },
  });
  expect(res.status()).toBe(200);
}

test('the admin sees a move in the audit log, with its before and after', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@coach.demo', undefined, '/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const agent = await findUser(page, 'agent72@coach.demo'); // in Grace Okafor's team (tl6)
  const tl6 = await findUser(page, 'tl6@coach.demo');
  const tl5 = await findUser(page, 'tl5@coach.demo');
  const from = agent.team_leader_id === tl5.id ? tl5 : tl6;
  const to = from === tl5 ? tl6 : tl5;
  await patchUser(page, agent.id, { team_leader_id: to.id });
  try {
    // From the person's page, its own entries.
    await page.goto(`/people/${agent.id}`);
    await page.getByRole('link', { name: `Changes to ${agent.name} in the audit log` }).click();
    await expect(page).toHaveURL(new RegExp(`/audit\\?entity_type=users&entity_id=${agent.id}$`));
    const entry = page.getByRole('article', { name: /Person changed/ }).first();
    await expect(entry).toBeVisible();
    await expect(entry.getByRole('link', { name: 'Avery Collins' })).toBeVisible();
    await expect(entry.getByRole('link', { name: agent.name })).toHaveAttribute('href', `/people/${agent.id}`);
    const change = entry.getByRole('listitem').filter({ hasText: 'team_leader_id' });
    await expect(change).toHaveText(
      new RegExp(`^Changed team_leader_id: "${from.id}" \\(${from.name}\\)\\s*→\\s*to "${to.id}" \\(${to.name}\\)$`),
    );
    await page.screenshot({ path: 'test-results/audit-move.png', fullPage: true });

    // The same entry through the filters: who did it, and which action.
    await page.goto('/audit');
    const who = page.getByRole('combobox', { name: 'Who' });
    await who.fill('avery');
    await page.getByRole('option', { name: /^Avery Collins/ }).click();
    await page.getByRole('combobox', { name: 'Action' }).fill('user.update');
    await page.getByLabel('Entity ID').fill(agent.id);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/actor_id=[0-9a-f-]{36}&entity_id=.*&action=user\.update/);
    await expect(page.getByRole('article', { name: /Person changed/ }).first().getByRole('listitem').filter({
      hasText: 'team_leader_id',
    })).toContainText(to.name);

    // A filter the server refuses is marked.
    await page.getByLabel('Entity ID').fill('not-an-id');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('Entity ID must be a UUID')).toBeVisible();
    await expect(page.getByLabel('Entity ID')).toHaveAttribute('aria-invalid', 'true');
  } finally {
    await patchUser(page, agent.id, { team_leader_id: agent.team_leader_id });
  }
});

test('the admin changes the time zone to Europe/Lisbon and back', async ({ page }) => {
  await signIn(page, 'admin@coach.demo', undefined, '/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const zone = page.getByRole('combobox', { name: 'Organisation time zone' });
  await expect(zone).not.toHaveValue('');
  const original = await zone.inputValue();
  const card = page.getByRole('region', { name: 'Time zone' });

  // A name PostgreSQL does not know: the server's field error, nothing saved.
  await zone.fill('Mars/Olympus');
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByText(/Organisation time zone must be a time zone name PostgreSQL knows/)).toBeVisible();
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expect(card.getByText(/^Saved/)).toHaveCount(0);
  await expect(card.locator('strong')).toHaveText(original);

  try {
    await zone.fill('Lisbon');
    await page.getByRole('option', { name: 'Europe/Lisbon' }).click();
    await expect(zone).toHaveValue('Europe/Lisbon');
    await card.getByRole('button', { name: 'Save' }).click();
    await expect(card.getByRole('status')).toHaveText("Saved: the organisation's time zone is now Europe/Lisbon.");
    await expect(card.locator('strong')).toHaveText('Europe/Lisbon');
    await expect(card.getByText(/Last changed .* by Avery Collins\./)).toBeVisible();
    await page.screenshot({ path: 'test-results/settings.png', fullPage: true });

    // It holds after a reload (the server's answer, not the form's).
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Organisation time zone' })).toHaveValue('Europe/Lisbon');
  } finally {
    const box = page.getByRole('combobox', { name: 'Organisation time zone' });
    await box.fill(original);
    await box.press('Escape'); // closes the suggestions, keeping what was typed
    await expect(box).toHaveValue(original);
    await page.getByRole('region', { name: 'Time zone' }).getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('region', { name: 'Time zone' }).getByRole('status')).toHaveText(
      `Saved: the organisation's time zone is now ${original}.`,
    );
  }
});
