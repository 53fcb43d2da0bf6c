import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../api/types';
import { pickRunningImport, serverProgress, serverProgressText, type UploadIdentity } from './serverProgress';
import { makeImport } from './testing';

function running(overrides: Partial<ImportSummary>): ImportSummary {
  const { error_details: _e, warnings: _w, ...rest } = makeImport({
    status: 'VALIDATING',
    total_rows: 0,
    processed_rows: 0,
    successful_rows: null,
    completed_at: null,
    file_name: 'march.csv',
    file_size_bytes: 2048,
    imported_by: 'id-ada',
  });
  return { ...rest, ...overrides };
}

const upload: UploadIdentity = { fileName: 'march.csv', size: 2048, importedBy: 'id-ada' };

describe('pickRunningImport', () => {
  it("finds the upload's own import among the running ones", () => {
    const mine = running({ id: 'mine', processed_rows: 1200 });
    const items = [
      running({ id: 'other-user', imported_by: 'id-max' }),
      running({ id: 'other-file', file_name: 'april.csv' }),
      running({ id: 'other-size', file_size_bytes: 99 }),
      mine,
    ];
    expect(pickRunningImport(items, upload)?.id).toBe('mine');
  });

  it('takes the latest started when the same file runs twice, and none that has ended', () => {
    const older = running({ id: 'older', started_at: '2026-03-01T10:00:00Z' });
    const newer = running({ id: 'newer', status: 'PROCESSING', started_at: '2026-03-01T10:05:00Z' });
    expect(pickRunningImport([older, newer], upload)?.id).toBe('newer');
    expect(pickRunningImport([newer, older], upload)?.id).toBe('newer');
    expect(pickRunningImport([running({ status: 'SUCCESS' })], upload)).toBeNull();
    expect(pickRunningImport([], upload)).toBeNull();
  });
});

describe('serverProgress', () => {
  it('counts the rows read while validating; the total is not known yet', () => {
    const p = serverProgress(running({ processed_rows: 1234, total_rows: 0 }));
    expect(p).toEqual({ status: 'VALIDATING', rowsRead: 1234, totalRows: null });
    expect(serverProgressText(p!)).toBe(`Reading the file: ${(1234).toLocaleString()} rows read`);
    expect(serverProgressText({ status: 'VALIDATING', rowsRead: 1, totalRows: null })).toBe(
      'Reading the file: 1 row read',
    );
  });

  it('says every row was read once the valid ones load', () => {
    const p = serverProgress(running({ status: 'PROCESSING', processed_rows: 5000, total_rows: 5000 }));
    expect(p).toEqual({ status: 'PROCESSING', rowsRead: 5000, totalRows: 5000 });
    expect(serverProgressText(p!)).toBe(`All ${(5000).toLocaleString()} rows read; loading the valid ones`);
  });

  it('has nothing to say of an import that has ended, or of unknown counts', () => {
    expect(serverProgress(running({ status: 'FAILED' }))).toBeNull();
    expect(serverProgress(running({ processed_rows: null, total_rows: null }))).toEqual({
      status: 'VALIDATING',
      rowsRead: 0,
      totalRows: null,
    });
  });
});
