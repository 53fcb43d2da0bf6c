import { describe, expect, it } from 'vitest';
import {
  cellOf,
  correlationClass,
  describeR,
  formatN,
  formatR,
  roundR,
  strengthOf,
} from './correlation';
import { levelOf, levelRange } from './levels';
import { makeMatrix } from './testData';

describe('formatR', () => {
  it('shows two decimals with a real minus sign, and never a negative zero', () => {
    expect(formatR(0.7955)).toBe('0.80');
    expect(formatR(-0.7603)).toBe('\u22120.76');
    expect(formatR(1)).toBe('1.00');
    expect(formatR(-1)).toBe('\u22121.00');
    expect(formatR(0)).toBe('0.00');
    expect(formatR(-0.004)).toBe('0.00');
    expect(roundR(-0.004)).toBe(0);
    expect(formatR(0.005)).toBe('0.01');
  });

  it('says "not enough data" where the server has no r', () => {
    expect(formatR(null)).toBe('not enough data');
    expect(describeR(null)).toBe('not enough data');
    expect(correlationClass(null)).toBe('teams-corr-missing');
  });
});

describe('strength and colour', () => {
  it('grades the shown figure: strong from 0.70, moderate from 0.40, weak from 0.10', () => {
    expect(strengthOf(0.6951)).toBe('strong'); // shown as 0.70
    expect(strengthOf(0.6949)).toBe('moderate'); // shown as 0.69
    expect(strengthOf(-0.4)).toBe('moderate');
    expect(strengthOf(0.1)).toBe('weak');
    expect(strengthOf(0.094)).toBe('none');
    expect(describeR(0.8812)).toBe('strong positive link');
    expect(describeR(-0.45)).toBe('moderate negative link');
    expect(describeR(0.03)).toBe('no clear link');
  });

  it('diverges from a neutral middle to three steps each way', () => {
    expect(correlationClass(0.92)).toBe('teams-corr-pos-3');
    expect(correlationClass(0.5)).toBe('teams-corr-pos-2');
    expect(correlationClass(0.2)).toBe('teams-corr-pos-1');
    expect(correlationClass(0.05)).toBe('teams-corr-zero');
    expect(correlationClass(-0.05)).toBe('teams-corr-zero');
    expect(correlationClass(-0.2)).toBe('teams-corr-neg-1');
    expect(correlationClass(-0.5)).toBe('teams-corr-neg-2');
    expect(correlationClass(-0.95)).toBe('teams-corr-neg-3');
  });
});

describe('sample size and lookup', () => {
  it('groups thousands', () => {
    expect(formatN(2695)).toBe('n = 2,695');
    expect(formatN(0)).toBe('n = 0');
  });

  it('finds a pair in either order', () => {
    const m = makeMatrix((x, y) => (x === 'csat' && y === 'aht' ? -0.6677 : 0.5));
    expect(cellOf(m, 'csat', 'aht')).toEqual({ r: -0.6677, n: 120 });
    expect(cellOf(m, 'aht', 'csat')).toEqual({ r: -0.6677, n: 120 });
    expect(cellOf({ pairs: [] }, 'aht', 'csat')).toBeNull();
  });
});

describe('levels', () => {
  it('uses the composite bands, inclusive from below', () => {
    expect(levelOf(90)).toBe('EXCELLENT');
    expect(levelOf(89.99)).toBe('GOOD');
    expect(levelOf(70)).toBe('FAIR');
    expect(levelOf(60)).toBe('POOR');
    expect(levelOf(59.99)).toBe('CRITICAL');
    expect(levelOf(null)).toBeNull();
    expect(levelRange('GOOD')).toBe('80 to 89.99');
  });
});
