import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/csrf';
import type { ImportSummary } from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';
import { FakeXhr, IMPORT_ID, makeImport } from './testing';

const admin = makeUser({ name: 'Ada Admin', role: 'ADMIN' });

function summary(n: number, overrides: Partial<ImportSummary> = {}): ImportSummary {
  const { error_details: _e, warnings: _w, ...rest } = makeImport({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    file_name: `file-${n}.csv`,
  });
  return { ...rest, ...overrides };
}

async function openImports(routes: Parameters<typeof fakeApi>[0] = {}) {
  setCsrfToken('csrf-1');
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, admin),
    'GET /api/v1/imports': () => jsonResponse(200, { items: [], next_cursor: null }),
    ...routes,
  });
  const app = renderApp('/imports');
  await screen.findByRole('heading', { level: 1, name: 'Imports' });
  return { ...api, ...app };
}

function chooseFile(file: File) {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files: [file] } });
}

/** The upload starts a moment after the click (the mutation runs asynchronously). */
async function sentUpload(): Promise<FakeXhr> {
  await waitFor(() => expect(FakeXhr.last).not.toBeNull());
  return FakeXhr.last as unknown as FakeXhr;
}

const csv = () => new File(['x'.repeat(2048)], 'march.csv', { type: 'text/csv' });

beforeEach(() => {
  FakeXhr.last = null;
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
});

afterEach(() => {
  cleanup();
  setCsrfToken(null);
});

describe('upload', () => {
  it('uploads with progress, then processes, then opens the report', async () => {
    const log = makeImport({ file_name: 'march.csv' });
    const { router } = await openImports({
      [`GET /api/v1/imports/${IMPORT_ID}`]: () => jsonResponse(200, log),
    });
    // Every type is offered, each with its line of explanation.
    const types = screen.getByRole('group', { name: 'What the file holds' });
    expect(within(types).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual([
      'METRICS',
      'USERS',
      'COACHING_HISTORY',
      'PROFILES',
    ]);
    expect(screen.getByRole('radio', { name: /Users/ }).getAttribute('aria-describedby')).toBeTruthy();

    chooseFile(csv());
    expect(screen.getByText('march.csv')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Load the valid rows/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Dry run/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));

    const xhr = await sentUpload();
    expect(xhr.url).toBe('/api/v1/imports?type=METRICS&mode=partial&dry_run=true&file_name=march.csv');
    expect(xhr.headers['X-CSRF-Token']).toBe('csrf-1');
    expect(screen.getByRole('button', { name: 'Importing…' })).toHaveProperty('disabled', true);

    act(() => xhr.progress(512, 2048));
    const bar = screen.getByRole('progressbar', { name: 'Uploading march.csv' });
    expect(bar.getAttribute('value')).toBe('25');
    expect(screen.getByRole('status').textContent).toBe('Uploading march.csv…');

    act(() => xhr.progress(2048, 2048));
    const processing = screen.getByRole('progressbar', { name: 'Processing march.csv' });
    expect(processing.hasAttribute('value')).toBe(false); // indeterminate
    expect(screen.getByRole('status').textContent).toMatch(/server is checking and importing march\.csv/);

    act(() => xhr.respond(201, log, { location: `/api/v1/imports/${IMPORT_ID}` }));
    expect(await screen.findByRole('heading', { level: 1, name: 'march.csv' })).toBeTruthy();
    expect(currentPath(router)).toBe(`/imports/${IMPORT_ID}`);
  });

  it("shows the rows the server has read while it works on the upload", async () => {
    const me = admin;
    const log = makeImport({ file_name: 'march.csv', imported_by: me.id });
    // The running imports, by status: this upload's own (the first poll reading the file, the
    // later ones loading its rows), found by who sent which file, and another admin's.
    let polls = 0;
    const { requests } = await openImports({
      'GET /api/v1/imports': (req) => {
        const status = new URL(req.url, 'http://x').searchParams.get('status');
        if (status === null) return jsonResponse(200, { items: [], next_cursor: null });
        polls++; // two requests a poll, one per status
        const theirs = summary(9, {
          status: 'VALIDATING',
          file_name: 'march.csv',
          imported_by: 'id-other',
          processed_rows: 7,
        });
        const mine = summary(1, {
          file_name: 'march.csv',
          file_size_bytes: 2048,
          imported_by: me.id,
          completed_at: null,
          ...(polls <= 2
            ? { status: 'VALIDATING', processed_rows: 1200, total_rows: 0 }
            : { status: 'PROCESSING', processed_rows: 5000, total_rows: 5000 }),
        });
        const items = [theirs, mine].filter((i) => i.status === status);
        return jsonResponse(200, { items, next_cursor: null });
      },
      [`GET /api/v1/imports/${IMPORT_ID}`]: () => jsonResponse(200, log),
    });
    chooseFile(csv());
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const xhr = await sentUpload();
    act(() => xhr.progress(1024, 2048));
    // Nothing is polled while the bytes still go up.
    expect(requests.some((r) => r.url.includes('status='))).toBe(false);

    act(() => xhr.progress(2048, 2048));
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Processing march.csv' }).getAttribute('aria-valuetext')).toBe(
        `Reading the file: ${(1200).toLocaleString()} rows read`,
      ),
    );
    expect(screen.getByText(`Reading the file: ${(1200).toLocaleString()} rows read`)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Uploaded. The server is reading march.csv; the report opens when it is done.',
    );
    expect(requests.map((r) => r.url)).toEqual(
      expect.arrayContaining([
        '/api/v1/imports?status=VALIDATING&limit=50',
        '/api/v1/imports?status=PROCESSING&limit=50',
      ]),
    );

    // The next poll finds it loading the rows.
    await waitFor(
      () =>
        expect(screen.getByRole('progressbar', { name: 'Processing march.csv' }).getAttribute('aria-valuetext')).toBe(
          `All ${(5000).toLocaleString()} rows read; loading the valid ones`,
        ),
      { timeout: 5000 },
    );
    expect(screen.getByRole('status').textContent).toMatch(/has read march\.csv and is loading its valid rows/);

    act(() => xhr.respond(201, log, { location: `/api/v1/imports/${IMPORT_ID}` }));
    expect(await screen.findByRole('heading', { level: 1, name: 'march.csv' })).toBeTruthy();
    // Polling stops with the answer.
    const seen = requests.filter((r) => r.url.includes('status=')).length;
    await new Promise((resolve) => setTimeout(resolve, 1800));
    expect(requests.filter((r) => r.url.includes('status=')).length).toBe(seen);
  }, 20_000);

  it('takes a dropped file', async () => {
    await openImports();
    const zone = screen.getByRole('group', { name: 'File' });
    fireEvent.drop(zone, { dataTransfer: { files: [csv()], types: ['Files'] } });
    expect(within(zone).getByText('march.csv')).toBeTruthy();
    expect(within(zone).getByRole('button', { name: 'Choose another file' })).toBeTruthy();
  });

  it('asks for a file, and refuses one that is not CSV or XLSX, before sending anything', async () => {
    await openImports();
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    expect(await screen.findByText('Choose a file to import.')).toBeTruthy();
    chooseFile(new File(['x'], 'photo.png', { type: 'image/png' }));
    expect(screen.getByText('Choose a CSV (.csv) or Excel (.xlsx) file.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(FakeXhr.last).toBeNull();
    const zone = screen.getByRole('group', { name: 'File' });
    expect(zone.getAttribute('aria-describedby')).toContain(
      document.querySelector('.field-error')?.id ?? 'missing',
    );
  });

  it('says an already imported file was refused and can send it again with force', async () => {
    await openImports();
    chooseFile(csv());
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const xhr = await sentUpload();
    act(() =>
      xhr.respond(409, {
        error: {
          code: 'conflict',
          message: 'This file was already imported on 2026-03-01 (import abc); send force=true to import it again.',
          details: [{ field: 'file', message: 'was already imported by import abc' }],
        },
      }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This file was already imported');
    expect(screen.queryByRole('heading', { level: 1, name: 'march.csv' })).toBeNull();
    FakeXhr.last = null;
    fireEvent.click(within(alert).getByRole('button', { name: 'Import it again anyway' }));
    expect((await sentUpload()).url).toContain('force=true');
  });

  it('shows an empty-file refusal next to the file', async () => {
    await openImports();
    chooseFile(csv());
    fireEvent.click(screen.getByRole('button', { name: 'Upload and import' }));
    const xhr = await sentUpload();
    act(() =>
      xhr.respond(422, {
        error: {
          code: 'validation_failed',
          message: 'The request has invalid fields.',
          details: [{ field: 'file', message: 'is empty' }],
        },
      }),
    );
    expect(await screen.findByText('The file is empty')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The file was not imported');
  });
});

describe('imports list', () => {
  it('lists imports newest first with statuses in words, and loads more', async () => {
    const first = [summary(1, { status: 'FAILED' }), summary(2, { status: 'SUCCESS', dry_run: true })];
    const { requests } = await openImports({
      'GET /api/v1/imports': (req) =>
        req.url.includes('cursor=')
          ? jsonResponse(200, { items: [summary(3, { status: 'ROLLED_BACK' })], next_cursor: null })
          : jsonResponse(200, { items: first, next_cursor: 'c-2' }),
    });
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'file-1.csv',
      'file-2.csv',
    ]);
    expect(within(rows[0]!).getByText('Failed')).toBeTruthy();
    expect(within(rows[1]!).getByText('Succeeded')).toBeTruthy();
    expect(within(rows[1]!).getByText('Dry run')).toBeTruthy();
    expect(within(rows[0]!).getByRole('link', { name: 'file-1.csv' }).getAttribute('href')).toBe(
      `/imports/${first[0]!.id}`,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('file-3.csv')).toBeTruthy();
    expect(screen.getByText('Rolled back')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(requests.some((r) => r.url === '/api/v1/imports?limit=25&cursor=c-2')).toBe(true);
  });

  it('says when there are no imports, and when the list cannot be loaded', async () => {
    await openImports();
    expect(await screen.findByText('No files have been imported yet.')).toBeTruthy();
    cleanup();
    await openImports({
      'GET /api/v1/imports': () => apiError(503, 'unavailable', 'The service is unavailable; try again shortly.'),
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('Could not load the imports');
  }, 20_000);

  it('links every template in CSV and XLSX', async () => {
    await openImports();
    const csvLink = screen.getByRole('link', { name: 'Download the Coaching history template as CSV' });
    expect(csvLink.getAttribute('href')).toBe('/api/v1/imports/templates/COACHING_HISTORY?format=csv');
    expect(csvLink.hasAttribute('download')).toBe(true);
    expect(
      screen.getByRole('link', { name: 'Download the Metrics template as XLSX' }).getAttribute('href'),
    ).toBe('/api/v1/imports/templates/METRICS?format=xlsx');
  });
});

describe('access', () => {
  it('is not offered to a manager', async () => {
    fakeApi({ 'GET /api/v1/auth/me': () => jsonResponse(200, makeUser({ name: 'Max', role: 'MANAGER' })) });
    renderApp('/imports');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Imports' })).toBeNull());
  });
});
