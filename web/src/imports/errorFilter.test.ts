import { describe, expect, it } from 'vitest';
import { filterErrors } from './errorFilter';
import { SAMPLE_ERRORS } from './testing';

const rows = (text: string) => filterErrors(SAMPLE_ERRORS, text).map((e) => e.row);

describe('filterErrors', () => {
  it('keeps everything for an empty or blank filter', () => {
    expect(rows('')).toEqual([3, 4, 5, 12]);
    expect(rows('   ')).toEqual([3, 4, 5, 12]);
  });

  it('finds the column, value or message, ignoring case', () => {
    expect(rows('csat')).toEqual([12]);
    expect(rows('E9')).toEqual([4]);
    expect(rows('BETWEEN')).toEqual([3, 12]);
    expect(rows('hyperlink')).toEqual([5]);
  });

  it('needs every word', () => {
    expect(rows('between 100')).toEqual([3]);
    expect(rows('between nothing')).toEqual([]);
  });

  it('finds a row by its number, exactly', () => {
    expect(rows('12')).toEqual([12]);
    expect(rows('4')).toEqual([4]);
    // No row is number 1, but "1" is in the value "101" and in "between 1 and 5".
    expect(rows('1')).toEqual([3, 12]);
  });

  it('does not change the list it filters', () => {
    const before = [...SAMPLE_ERRORS];
    filterErrors(SAMPLE_ERRORS, 'csat');
    expect(SAMPLE_ERRORS).toEqual(before);
  });
});
