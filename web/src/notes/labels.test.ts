import { describe, expect, it } from 'vitest';
import { noteFiltersFromSearch, noteQueryFromFilters, searchFromNoteFilters } from './filters';
import { deadlineWords, defaultPriority, lateness, spanWords } from './labels';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 3600_000;

describe('deadlines in words', () => {
  it('says how long is left, or how late', () => {
    const at = (ms: number) => new Date(NOW + ms).toISOString();
    expect(deadlineWords({ address_by: at(5 * HOUR), addressed: false, overdue: false }, NOW)).toBe('Due in 5 hours');
    expect(deadlineWords({ address_by: at(6 * 24 * HOUR), addressed: false, overdue: false }, NOW)).toBe('Due in 6 days');
    expect(deadlineWords({ address_by: at(-30 * 60_000), addressed: false, overdue: true }, NOW)).toBe(
      '30 minutes past its deadline',
    );
    expect(deadlineWords({ address_by: at(-3 * 24 * HOUR), addressed: false, overdue: true }, NOW)).toBe(
      '3 days past its deadline',
    );
    // The server's clock says late; this device's a little early: still late.
    expect(deadlineWords({ address_by: at(HOUR), addressed: false, overdue: true }, NOW)).toBe(
      '1 minute past its deadline',
    );
    expect(deadlineWords({ address_by: at(-HOUR), addressed: true, overdue: false }, NOW)).toBe('Addressed');
    expect(lateness({ address_by: at(-50 * HOUR), addressed: false }, NOW)).toBe('2 days');
    expect(lateness({ address_by: at(HOUR), addressed: false }, NOW)).toBeNull();
    expect(spanWords(1)).toBe('1 minute');
  });

  it('gives each type the priority the server does', () => {
    expect(defaultPriority('URGENT')).toBe('HIGH');
    expect(defaultPriority('COMPLIANCE')).toBe('HIGH');
    expect(defaultPriority('COACHING')).toBe('MEDIUM');
    expect(defaultPriority('POSITIVE')).toBe('LOW');
    expect(defaultPriority('GENERAL')).toBe('LOW');
  });
});

describe('the notes filters in the address', () => {
  it('round-trips known values and drops unknown ones', () => {
    const filters = noteFiltersFromSearch(
      new URLSearchParams('addressed=maybe&overdue=true&note_type=URGENT&priority=LOUD&agent_id=a-1'),
    );
    expect(filters).toEqual({ addressed: '', overdue: true, noteType: 'URGENT', priority: '', agentId: 'a-1' });
    expect(searchFromNoteFilters(filters).toString()).toBe('overdue=true&note_type=URGENT&agent_id=a-1');
    expect(noteQueryFromFilters({ ...filters, addressed: 'false' }, 25)).toEqual({
      limit: 25,
      addressed: false,
      overdue: true,
      note_type: 'URGENT',
      agent_id: 'a-1',
    });
  });
});
