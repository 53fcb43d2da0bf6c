import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// People administration as the demo admin. Everything a test changes it puts back (the move is
// undone, the person it adds is deleted), so other specs see the demo organisation as it was.

const AGENT_EMAIL = 'agent78@coach.demo'; // in Grace Okafor's team (tl6), manager2's side

/** The People list searched for `text`, once the list shows the search's answer. */
async function searchPeople(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text).replace('.', '\\.')}`));
  await expect(page.getByText(/found|Nobody matches/).first()).toBeVisible();
}

/** Types into a combo box and picks the option whose label is `option`. */
async function chooseInCombo(page: Page, label: string, typed: string, option: string) {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(typed);
  await page.getByRole('option', { name: new RegExp(`^${option}`) }).click();
  await expect(box).toHaveValue(option);
}

test('the admin moves an agent to another team leader and the row shows the new one', async ({ page }) => {
  await signIn(page, 'admin@coach.demo', undefined, '/people');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await searchPeople(page, AGENT_EMAIL);
  const row = page.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  const name = (await row.locator('th').innerText()).trim();
  await expect(row.locator('td').nth(4)).toHaveText('Grace Okafor');

  await row.getByRole('link', { name: `Manage ${name}` }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const team = page.getByRole('region', { name: 'Team' });
  await expect(team).toContainText(`${name} is in the team of Grace Okafor.`);
  await chooseInCombo(page, 'Move to another team leader', 'Tariq', 'Tariq Haddad');
  await team.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(team.getByRole('status')).toHaveText('Moved to the team of Tariq Haddad.');
  await expect(team).toContainText(`${name} is in the team of Tariq Haddad.`);
  await page.screenshot({ path: 'test-results/person-page.png', fullPage: true });

  // Back on the list, the row says so.
  await page.getByRole('link', { name: 'Back to People' }).click();
  await searchPeople(page, AGENT_EMAIL);
  await expect(row.locator('td').nth(4)).toHaveText('Tariq Haddad');

  // Put them back.
  await row.getByRole('link', { name: `Manage ${name}` }).click();
  await chooseInCombo(page, 'Move to another team leader', 'Grace', 'Grace Okafor');
  await team.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(team.getByRole('status')).toHaveText('Moved to the team of Grace Okafor.');
});

test('the admin adds a person (a bad email first), deactivates, reactivates and deletes them', async ({
  page,
}) => {
  const email = `e2e.${Date.now()}@coach.demo`;
  await signIn(page, 'admin@coach.demo', undefined, '/people');
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await dialog.getByLabel('Email').fill('not-an-email');
  await dialog.getByLabel('Name').fill('Robin Tester');
  await dialog.getByLabel('Role').selectOption('AGENT');
  await chooseInCombo(page, 'Team leader', 'Grace', 'Grace Okafor');
  await dialog.getByLabel('Employee ID').fill(`E2E-${Date.now() % 1_000_000}`);
  await dialog.getByLabel('Hire date').fill('2026-01-05');
  await dialog.getByLabel('Shift').selectOption('Evening');
  await chooseInCombo(page, 'Time zone', 'Lisbon', 'Europe/Lisbon');
  await dialog.getByRole('button', { name: 'Add person' }).click();

  // The server's field error, next to the field; nothing was added.
  await expect(dialog.getByText('Email must be an email address')).toBeVisible();
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('alert')).toContainText('The person was not added');
  await page.screenshot({ path: 'test-results/add-person-error.png', fullPage: true });

  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Robin Tester was added.')).toBeVisible();
  await searchPeople(page, email);
  const row = page.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Grace Okafor');
  await expect(row).toContainText('Active');

  await row.getByRole('link', { name: 'Manage Robin Tester' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Robin Tester' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Lisbon');

  // Deactivate (on leave), after the confirmation.
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByRole('button', { name: 'Deactivate…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Deactivate Robin Tester?' });
  await confirm.getByRole('radio', { name: /On leave/ }).check();
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(status.getByRole('status')).toHaveText('Robin Tester is now on leave.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Robin Tester');
  await expect(page.getByText('Agent · On leave')).toBeVisible();

  await status.getByRole('button', { name: 'Reactivate' }).click();
  await expect(status.getByRole('status')).toHaveText('Robin Tester is active again.');
  await expect(page.getByText('Agent · Active')).toBeVisible();

  // Send a password reset: a mail goes out.
  const account = page.getByRole('region', { name: 'Account' });
  await account.getByRole('button', { name: 'Send password reset' }).click();
  await expect(account.getByRole('status')).toContainText(`A password reset mail is on its way to ${email}`);

  // Delete them (nobody reports to an agent).
  await account.getByRole('button', { name: 'Delete…' }).click();
  const del = page.getByRole('alertdialog', { name: 'Delete Robin Tester?' });
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/people$/);
  await expect(page.getByText('Robin Tester was deleted.')).toBeVisible();
  await searchPeople(page, email);
  await expect(page.getByText('Nobody matches these filters.')).toBeVisible();
});

test('deleting a team leader with agents is refused with the server reason', async ({ page }) => {
  await signIn(page, 'admin@coach.demo', undefined, '/people?q=tl6%40coach.demo');
  const row = page.getByRole('table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: 'Manage Grace Okafor' }).first().click();
  await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Delete…' }).click();
  const del = page.getByRole('alertdialog', { name: 'Delete Grace Okafor?' });
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(del.getByRole('alert')).toContainText(/\d+ people report to this user; reassign them first\./);
  await del.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grace Okafor' })).toBeVisible();
});

test('a manager may add and move only within their side, and delete nobody', async ({ page }) => {
  await signIn(page, 'manager1@coach.demo', undefined, '/people?role=AGENT');
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add person' });
  await expect(dialog.getByLabel('Role').locator('option')).toHaveText(['Team leader', 'Agent']);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await rows.first().getByRole('link', { name: /^Manage / }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  // Only the manager's own team leaders are offered.
  await page.getByRole('button', { name: 'Show the choices of Move to another team leader' }).click();
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  const names = await options.locator('.combo-option-label').allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const other of ['Elena Sokolova', 'Tariq Haddad', 'Grace Okafor']) expect(names).not.toContain(other);
});
