import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { FakeXhr } from './testing';
import { uploadImport, uploadUrl, type UploadDeps, type UploadProgress } from './upload';

function setup(token: string | null = 'csrf-123') {
  const xhr = new FakeXhr();
  const deps: UploadDeps = {
    createXhr: () => xhr as unknown as XMLHttpRequest,
    csrfToken: () => token,
    now: () => Date.parse('2026-01-01T00:00:00Z'),
  };
  return { xhr, deps };
}

const csv = new File(['employee_id,metric_date\nE1,2024-03-01\n'], 'march.csv', { type: 'text/csv' });
const options = { type: 'METRICS', mode: 'partial', dryRun: true } as const;

describe('uploadUrl', () => {
  it('puts type, mode, dry run, force and the file name in the query', () => {
    expect(uploadUrl('a b.csv', { type: 'USERS', mode: 'strict', dryRun: false })).toBe(
      '/api/v1/imports?type=USERS&mode=strict&dry_run=false&file_name=a+b.csv',
    );
    expect(uploadUrl('', { type: 'METRICS', mode: 'partial', dryRun: true, force: true })).toBe(
      '/api/v1/imports?type=METRICS&mode=partial&dry_run=true&force=true',
    );
  });
});

describe('uploadImport', () => {
  it('POSTs the file itself with the CSRF header and reports upload progress', async () => {
    const { xhr, deps } = setup();
    const seen: UploadProgress[] = [];
    const done = uploadImport(csv, options, { onProgress: (p) => seen.push(p) }, deps);

    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe(
      '/api/v1/imports?type=METRICS&mode=partial&dry_run=true&file_name=march.csv',
    );
    expect(xhr.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(xhr.headers['Content-Type']).toBe('text/csv');
    expect(xhr.body).toBe(csv);

    xhr.progress(10, 40);
    xhr.progress(40, 40);
    xhr.progress(5, 0, false);
    expect(seen).toEqual([
      { loaded: 10, total: 40 },
      { loaded: 40, total: 40 },
      { loaded: 5, total: null },
    ]);

    xhr.respond(201, { id: 'imp-1', status: 'SUCCESS' }, { location: '/api/v1/imports/imp-1' });
    await expect(done).resolves.toEqual({ id: 'imp-1', status: 'SUCCESS' });
  });

  it('sends an XLSX workbook with its media type, and no CSRF header without a token', () => {
    const { xhr, deps } = setup(null);
    void uploadImport(new File(['PK'], 'Book.XLSX'), options, {}, deps);
    expect(xhr.headers['Content-Type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xhr.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('turns an error answer into an ApiError with its details', async () => {
    const { xhr, deps } = setup();
    const done = uploadImport(csv, options, {}, deps);
    xhr.respond(409, {
      error: {
        code: 'conflict',
        message: 'This file was already imported; send force=true to import it again.',
        details: [{ field: 'file', message: 'was already imported' }],
      },
    });
    const error = await done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      message: 'This file was already imported; send force=true to import it again.',
      details: [{ field: 'file', message: 'was already imported' }],
    });
  });

  it('reads Retry-After of a 429, and gives a plain message for a body that is not JSON', async () => {
    const first = setup();
    const limited = uploadImport(csv, options, {}, first.deps);
    first.xhr.respond(
      429,
      { error: { code: 'rate_limited', message: 'Another import is running; try again soon.' } },
      { 'Retry-After': '10' },
    );
    await expect(limited).rejects.toMatchObject({ status: 429, retryAfter: 10 });

    const second = setup();
    const broken = uploadImport(csv, options, {}, second.deps);
    second.xhr.respond(502, '<html>Bad gateway</html>', { 'content-type': 'text/html' });
    await expect(broken).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
      message: 'The server answered with an error (HTTP 502).',
    });
  });

  it('reports a network failure as an ApiError with status 0', async () => {
    const { xhr, deps } = setup();
    const done = uploadImport(csv, options, {}, deps);
    xhr.onerror?.();
    await expect(done).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('aborts the request when the signal is aborted', async () => {
    const { xhr, deps } = setup();
    const controller = new AbortController();
    const done = uploadImport(csv, options, { signal: controller.signal }, deps);
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.aborted).toBe(true);
  });
});
