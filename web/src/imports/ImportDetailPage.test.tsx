import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { ImportErrorRow } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';
import { VIRTUALIZE_ABOVE } from './ImportErrorsTable';
import { IMPORT_ID, makeImport } from './testing';

const admin = makeUser({ name: 'Ada Admin', role: 'ADMIN' });
const path = `GET /api/v1/imports/${IMPORT_ID}`;

async function openImport(routes: Parameters<typeof fakeApi>[0]) {
  setCsrfToken('csrf-1');
  const api = fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, admin), ...routes });
  const app = renderApp(`/imports/${IMPORT_ID}`);
  return { ...api, ...app };
}

function count(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent ?? ''));
}

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('import report', () => {
  it('shows status, counts, warnings and the errors by row, column, value and message', async () => {
    await openImport({ [path]: () => jsonResponse(200, makeImport()) });
    expect(await screen.findByRole('heading', { level: 1, name: 'march.csv' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Partly succeeded');
    expect(screen.getByText(/3 of 5 rows refused/)).toBeTruthy();
    expect(count('Total rows')).toBe('5');
    expect(count('Processed')).toBe('5');
    expect(count('Inserted')).toBe('2');
    expect(count('Updated')).toBe('0');
    expect(count('Rows with errors')).toBe('3');
    const warnings = screen.getByRole('region', { name: 'Warnings' });
    expect(warnings.textContent).toContain('Notes: unknown column, ignored');

    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Row',
      'Column',
      'Value',
      'Error',
    ]);
    expect(bodyRows(table)[0]).toEqual(['3', 'Service', '101', 'must be between 0 and 100']);
    expect(bodyRows(table)).toHaveLength(4);
  });

  it('filters the errors as you type and says how many are shown', async () => {
    await openImport({ [path]: () => jsonResponse(200, makeImport()) });
    const filter = await screen.findByRole('searchbox', { name: 'Filter errors' });
    fireEvent.change(filter, { target: { value: 'between' } });
    await waitFor(() => expect(bodyRows(screen.getByRole('table'))).toHaveLength(2));
    expect(bodyRows(screen.getByRole('table')).map((r) => r[0])).toEqual(['3', '12']);
    expect(screen.getByText('2 of 4 errors shown')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No error matches “nothing like this”.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('renders only the rows in view of a long error list', async () => {
    const many: ImportErrorRow[] = Array.from({ length: 5000 }, (_, i) => ({
      row: i + 2,
      column: 'Service',
      value: String(200 + i),
      error: 'must be between 0 and 100',
    }));
    await openImport({ [path]: () => jsonResponse(200, makeImport({ error_details: many })) });
    const table = await screen.findByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe('5001');
    const rendered = within(table).getAllByRole('row').length;
    expect(rendered).toBeLessThan(VIRTUALIZE_ABOVE);
    expect(screen.getByRole('region', { name: /Errors of march\.csv \(scrolls\)/ }).tabIndex).toBe(0);
  });

  it('rolls back after confirming, and shows the new status', async () => {
    let current = makeImport();
    const { requests } = await openImport({
      [path]: () => jsonResponse(200, current),
      [`POST /api/v1/imports/${IMPORT_ID}/rollback`]: () => {
        current = makeImport({
          status: 'ROLLED_BACK',
          rollback_available: false,
          rollback_executed_at: '2026-03-02T09:00:00Z',
        });
        return jsonResponse(200, current);
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Roll back…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Roll back march.csv?' });
    // Cancel first: nothing is sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Roll back…' }));
    const again = await screen.findByRole('alertdialog');
    fireEvent.click(within(again).getByRole('button', { name: 'Roll back' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Rolled back'));
    expect(screen.queryByRole('button', { name: 'Roll back…' })).toBeNull();
    const post = requests.find((r) => r.method === 'POST');
    expect(post?.url).toBe(`/api/v1/imports/${IMPORT_ID}/rollback`);
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-1');
  }, 15_000);

  it('keeps the import as it was when the rollback is refused, and offers force for later changes', async () => {
    let current = makeImport();
    const { requests } = await openImport({
      [path]: () => jsonResponse(200, current),
      [`POST /api/v1/imports/${IMPORT_ID}/rollback`]: (req) => {
        if (!req.url.includes('force=true'))
          return jsonResponse(409, {
            error: {
              code: 'conflict',
              message: '2 of the rows this import changed were changed again since (edited).',
              details: [{ field: 'rows', message: '2 rows were edited after this import' }],
            },
          });
        current = makeImport({ status: 'ROLLED_BACK', rollback_available: false });
        return jsonResponse(200, current);
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Roll back…' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('2 rows were edited after this import');
    // Behind the dialog (hidden from assistive technology while it is open) nothing changed.
    expect(screen.getByRole('status', { hidden: true }).textContent).toContain('Partly succeeded');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Roll back anyway' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Rolled back'));
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual([
      `/api/v1/imports/${IMPORT_ID}/rollback`,
      `/api/v1/imports/${IMPORT_ID}/rollback?force=true`,
    ]);
  }, 15_000);

  it('offers no rollback when the import says none is available', async () => {
    await openImport({
      [path]: () => jsonResponse(200, makeImport({ status: 'FAILED', rollback_available: false })),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'march.csv' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Roll back/ })).toBeNull();
  });

  it('polls a running import until its status is final', async () => {
    let calls = 0;
    await openImport({
      [path]: () => {
        calls += 1;
        return jsonResponse(
          200,
          calls === 1
            ? makeImport({
                status: 'VALIDATING',
                total_rows: 100,
                processed_rows: 40,
                completed_at: null,
                error_summary: null,
                error_details: [],
                warnings: [],
              })
            : makeImport({ status: 'SUCCESS', error_details: [], warnings: [] }),
        );
      },
    });
    const bar = await screen.findByRole('progressbar', { name: 'Rows read' });
    expect(bar.getAttribute('value')).toBe('40');
    expect(screen.getByText('40 of 100 rows read')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Validating');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Succeeded'), {
      timeout: 5000,
    });
    expect(screen.queryByRole('progressbar')).toBeNull();
    const settled = calls;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(calls).toBe(settled);
  }, 15_000);

  it('says an import that is not there (or out of scope) is not found', async () => {
    await openImport({ [path]: () => apiError(404, 'not_found', 'Not found.') });
    expect(await screen.findByRole('heading', { level: 1, name: 'Import not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← All imports' }).getAttribute('href')).toBe('/imports');
  });
});
