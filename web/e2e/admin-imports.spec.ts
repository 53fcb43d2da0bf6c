import { readFile } from 'node:fs/promises';
import { expect, signIn, test } from './fixtures';

interface Agent {
  id: string;
  email: string;
  employee_id: string | null;
}

/** Days ago as YYYY-MM-DD (UTC): a past date, so the server accepts it. */
function daysAgo(n: number): string {
  return new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
}

test('an admin uploads metrics with bad rows, reads and downloads the errors, and rolls back', async ({
  page,
}) => {
  test.slow(); // an upload, an import and a rollback on the server
  await signIn(page, 'admin@coach.demo', undefined, '/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();

  // Two active agents of the demo organisation: one by employee ID, one by email.
  const users = await page.request.get('/api/v1/users?role=AGENT&status=ACTIVE&limit=10');
  expect(users.status()).toBe(200);
  const agents = ((await users.json()) as { items: Agent[] }).items.filter((a) => a.employee_id);
  expect(agents.length).toBeGreaterThanOrEqual(2);
  const [a1, a2] = agents as [Agent, Agent];

  const day = daysAgo(3);
  const stamp = `e2e ${Date.now()}`; // a Name column (ignored) makes the file new each run
  const csv = [
    'Employee ID,Agent Email,Date,Service,Quality,CSAT,AHT,Calls Handled,Name',
    `${a1.employee_id},,${day},88,91,4.5,5:12,40,${stamp}`, // row 2: valid
    `${a2.employee_id},,${day},101,90,4.2,300,35,${stamp}`, // row 3: Service out of range
    `E-NOBODY-404,,${day},80,80,4,300,30,${stamp}`, // row 4: unknown employee ID
    `,${a2.email},${daysAgo(4)},80,80,0.5,300,30,${stamp}`, // row 5: CSAT out of range
    `${a1.employee_id},,${daysAgo(5)},=1+1,80,4,300,30,${stamp}`, // row 6: a formula as Service
  ].join('\n');
  const fileName = `metrics-bad-rows-${Date.now()}.csv`;

  await page.screenshot({ path: 'test-results/imports.png', fullPage: true });
  await page.locator('input[type="file"]').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf-8'),
  });
  await expect(page.getByRole('group', { name: 'File', exact: true })).toContainText(fileName);
  await page.getByRole('radio', { name: /Metrics/ }).check();
  await page.getByRole('radio', { name: /Load the valid rows/ }).check();
  await page.getByRole('button', { name: 'Upload and import' }).click();

  // The report opens on its own address.
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: fileName })).toBeVisible();
  const outcome = page.getByRole('region', { name: 'Outcome' });
  await expect(outcome.getByText('Partly succeeded')).toBeVisible();
  await expect(outcome).toContainText('4 of 5 rows refused (4 errors)');
  const countOf = (label: string) => outcome.locator('.import-count', { hasText: label }).locator('dd');
  await expect(countOf('Total rows')).toHaveText('5');
  await expect(countOf('Rows with errors')).toHaveText('4');

  // The error table: row, column, value, message.
  const errors = page.getByRole('region', { name: 'Errors' });
  const table = errors.getByRole('table');
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  const cells = async (i: number) => (await rows.nth(i).locator('td').allTextContents()).slice(0, 3);
  expect(await cells(0)).toEqual(['3', 'Service', '101']);
  expect(await cells(1)).toEqual(['4', 'Employee ID', 'E-NOBODY-404']);
  expect(await cells(2)).toEqual(['5', 'CSAT', '0.5']);
  expect(await cells(3)).toEqual(['6', 'Service', '=1+1']);

  // The filter narrows it.
  await errors.getByRole('searchbox', { name: 'Filter errors' }).fill('csat');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td').nth(1)).toHaveText('CSAT');
  await expect(errors.getByText('1 of 4 errors shown')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-report.png', fullPage: true });
  await errors.getByRole('searchbox', { name: 'Filter errors' }).fill('');
  await expect(rows).toHaveCount(4);

  // The errors as CSV, built in the browser; the formula is neutralized.
  const downloading = page.waitForEvent('download');
  await errors.getByRole('button', { name: 'Download errors (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName.replace(/\.csv$/, '-errors.csv'));
  const text = await readFile((await download.path()) ?? '', 'utf-8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('Row,Column,Value,Error');
  expect(lines).toContain('3,Service,101,must be between 0 and 100');
  expect(lines.some((l) => l.startsWith("6,Service,'=1+1,"))).toBe(true);
  expect(lines.filter((l) => l !== '')).toHaveLength(5);

  // Roll back, after confirming.
  await outcome.getByRole('button', { name: 'Roll back…' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Roll back ${fileName}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Roll back' }).click();
  await expect(dialog).toBeHidden();
  await expect(outcome.getByRole('status')).toContainText('Status: Rolled back');
  await expect(outcome.getByRole('button', { name: 'Roll back…' })).toHaveCount(0);

  // The server agrees, and the list shows it.
  const id = page.url().split('/').at(-1) ?? '';
  const log = await page.request.get(`/api/v1/imports/${id}`);
  expect(((await log.json()) as { status: string }).status).toBe('ROLLED_BACK');
  await page.getByRole('link', { name: '← All imports' }).click();
  const listRow = page.getByRole('row', { name: new RegExp(fileName) });
  await expect(listRow.getByText('Rolled back')).toBeVisible();

  // On a phone the report still fits: the tables scroll inside their own box.
  await page.setViewportSize({ width: 360, height: 740 });
  await listRow.getByRole('link', { name: fileName }).click();
  await expect(page.getByRole('heading', { level: 1, name: fileName })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/import-report-phone.png', fullPage: true });
});

test('an admin downloads a template', async ({ page }) => {
  await signIn(page, 'admin@coach.demo', undefined, '/imports');
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the Metrics template as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('metrics_template.csv');
  const text = await readFile((await download.path()) ?? '', 'utf-8');
  expect(text.split('\r\n')[0]).toContain('employee_id');
});

test('a dry run with a long error list scrolls through every error', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@coach.demo', undefined, '/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Imports' })).toBeVisible();
  const lines = ['Employee ID,Date,Service,Name'];
  for (let i = 0; i < 300; i++) lines.push(`E-NOBODY-${i},2024-03-01,80,e2e ${Date.now()}`);
  const fileName = `long-errors-${Date.now()}.csv`;
  await page.locator('input[type="file"]').setInputFiles({
    name: fileName,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n'), 'utf-8'),
  });
  await page.getByRole('checkbox', { name: /Dry run/ }).check();
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: fileName })).toBeVisible({ timeout: 30_000 });
  const outcome = page.getByRole('region', { name: 'Outcome' });
  await expect(outcome.getByRole('status')).toContainText('Failed');
  await expect(outcome.getByRole('status')).toContainText('Dry run');
  // A dry run cannot be rolled back: not offered.
  await expect(outcome.getByRole('button', { name: 'Roll back…' })).toHaveCount(0);

  const box = page.getByRole('region', { name: /\(scrolls\)$/ });
  const table = box.getByRole('table');
  await expect(table).toHaveAttribute('aria-rowcount', '301');
  const rows = table.locator('tbody tr:not([aria-hidden])');
  await expect(rows.first().locator('td').first()).toHaveText('2');
  expect(await rows.count()).toBeLessThan(100);
  // Scrolled to the end, the last error is there.
  await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(table.getByRole('cell', { name: 'E-NOBODY-299', exact: true })).toBeVisible();
  await expect(rows.last().locator('td').first()).toHaveText('301');
  // Filtering a long list still finds one error.
  await page.getByRole('searchbox', { name: 'Filter errors' }).fill('E-NOBODY-150');
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('table').locator('tbody tr td').first()).toHaveText('152');
});
