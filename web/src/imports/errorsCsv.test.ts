import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildErrorsCsv, downloadCsv, errorsFileName, neutralizeCell, quoteCell } from './errorsCsv';

describe('neutralizeCell', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes %j with a single quote', (cell, safe) => {
    expect(neutralizeCell(cell)).toBe(safe);
  });

  it('leaves other cells alone', () => {
    for (const cell of ['101', 'E9', 'a=b', '', "'quoted", 'must be between 0 and 100'])
      expect(neutralizeCell(cell)).toBe(cell);
  });
});

describe('quoteCell', () => {
  it('quotes cells with commas, quotes or line breaks and doubles quotes', () => {
    expect(quoteCell('plain')).toBe('plain');
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell('line one\nline two')).toBe('"line one\nline two"');
  });
});

describe('buildErrorsCsv', () => {
  it('writes a header and one neutralized, quoted line per error', () => {
    const csv = buildErrorsCsv([
      { row: 3, column: 'Service', value: '101', error: 'must be between 0 and 100' },
      { row: 5, column: 'Date', value: '=HYPERLINK("http://x","y")', error: 'is not a date' },
      { row: 6, column: 'AHT', value: '-12', error: 'must be seconds, m:ss or h:mm:ss' },
      { row: 7, column: null, value: '', error: 'has more cells than the header has columns' },
      { row: null, column: null, value: '', error: '@file problem' },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'Row,Column,Value,Error',
      '3,Service,101,must be between 0 and 100',
      `5,Date,"'=HYPERLINK(""http://x"",""y"")",is not a date`,
      `6,AHT,'-12,"must be seconds, m:ss or h:mm:ss"`,
      '7,,,has more cells than the header has columns',
      `,,,'@file problem`,
      '',
    ]);
  });

  it('is only the header for no errors', () => {
    expect(buildErrorsCsv([])).toBe('Row,Column,Value,Error\r\n');
  });
});

describe('errorsFileName', () => {
  it('names the download after the imported file', () => {
    expect(errorsFileName('March metrics.csv')).toBe('March metrics-errors.csv');
    expect(errorsFileName('book.v2.xlsx')).toBe('book.v2-errors.csv');
    expect(errorsFileName('.csv')).toBe('import-errors.csv');
  });
});

describe('downloadCsv', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    vi.useRealTimers();
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
  });

  it('downloads a UTF-8 Blob through an object URL and frees it afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const create = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:fake';
    });
    const revoke = vi.fn();
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    const clicked: HTMLAnchorElement[] = [];
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });

    downloadCsv('Row\r\n1\r\n', 'x-errors.csv');
    expect(click).toHaveBeenCalledTimes(1);
    expect(clicked[0]?.download).toBe('x-errors.csv');
    expect(clicked[0]?.getAttribute('href')).toBe('blob:fake');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Row\r\n1\r\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:fake');
  });
});
