import { describe, expect, it } from 'vitest';
import { formatWait } from './duration';

describe('formatWait', () => {
  it('says seconds under a minute', () => {
    expect(formatWait(0)).toBe('0 seconds');
    expect(formatWait(1)).toBe('1 second');
    expect(formatWait(42)).toBe('42 seconds');
    expect(formatWait(58.2)).toBe('59 seconds');
  });

  it('rounds minutes up and keeps the exact seconds', () => {
    expect(formatWait(59.2)).toBe('1 minute (60 seconds)');
    expect(formatWait(60)).toBe('1 minute (60 seconds)');
    expect(formatWait(61)).toBe('2 minutes (61 seconds)');
    expect(formatWait(900)).toBe('15 minutes (900 seconds)');
  });
});
