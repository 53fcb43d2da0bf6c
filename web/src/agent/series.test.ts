import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isoOfDay } from './dates';
import {
  chartMetric,
  dailySeries,
  describeDailySeries,
  fetchFrom,
  needsWiderOverview,
  parseRange,
  rangeLabel,
  rollingAverage,
} from './series';

describe('rollingAverage', () => {
  it('averages the days with a value in the 7 calendar days ending on each day', () => {
    const d = dayNumber('2026-12-01');
    const points = [
      { day: d, value: 70 },
      { day: d + 1, value: 80 },
      { day: d + 2, value: null }, // a day without the value does not pull the mean down
      { day: d + 6, value: 90 },
      { day: d + 7, value: 100 }, // d drops out of the window here
      { day: d + 20, value: null }, // nothing left in its window
    ];
    expect(rollingAverage(points)).toEqual([70, 75, 75, 80, 90, null]);
  });

  it('follows a window of another length', () => {
    const points = [0, 1, 2, 3].map((i) => ({ day: 100 + i, value: i * 10 }));
    expect(rollingAverage(points, 2)).toEqual([0, 5, 15, 25]);
  });
});

describe('dailySeries', () => {
  it('smooths with the days before the range, then shows only the range, oldest first', () => {
    const rows = [
      { metric_date: '2026-12-06', value: 60 },
      { metric_date: '2026-12-01', value: 90 },
      { metric_date: '2026-12-05', value: 80 },
    ];
    const s = dailySeries(rows, '2026-12-06', 2);
    expect(s.days.map(isoOfDay)).toEqual(['2026-12-05', '2026-12-06']);
    expect(s.values).toEqual([80, 60]);
    expect(s.smoothed).toEqual([85, 230 / 3]);
    expect(s.team).toBeNull();
  });

  it("adds the team's 7-day average on the days of either, each line null where it has no day", () => {
    const rows = [
      { metric_date: '2026-12-01', value: 90 },
      { metric_date: '2026-12-05', value: 80 },
      { metric_date: '2026-12-06', value: 60 },
    ];
    const team = [
      { metric_date: '2026-11-30', value: 70 }, // before the range: smooths its first days
      { metric_date: '2026-12-04', value: 74 }, // a day the agent has no figures
      { metric_date: '2026-12-05', value: null }, // nobody had this metric that day
      { metric_date: '2026-12-06', value: 78 },
    ];
    const s = dailySeries(rows, '2026-12-06', 3, team);
    expect(s.days.map(isoOfDay)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06']);
    expect(s.values).toEqual([null, 80, 60]);
    // The agent's average on 12-04 is its week's (12-01: 90), as on any day without figures.
    expect(s.smoothed).toEqual([90, 85, 230 / 3]);
    // The team's: 11-30 (before the range) is in the week ending on each of them.
    expect(s.team).toEqual([72, 72, 74]);
  });

  it('compares with a team that has no days in the range', () => {
    const s = dailySeries([{ metric_date: '2026-12-06', value: 60 }], '2026-12-06', 30, []);
    expect(s.values).toEqual([60]);
    expect(s.team).toEqual([null]);
  });
});

describe('describeDailySeries', () => {
  it('names the days, the extremes and where the average went', () => {
    const rows = [
      { metric_date: '2026-12-04', value: 70 },
      { metric_date: '2026-12-05', value: 90 },
      { metric_date: '2026-12-06', value: 80 },
    ];
    const text = describeDailySeries(chartMetric('composite_score'), dailySeries(rows, '2026-12-06', 30), 30);
    expect(text).toContain('Composite score, last 30 days: 3 days with data');
    expect(text).toMatch(/Lowest 70\.00 on .*4.*; highest 90\.00 on .*5/);
    expect(text).toContain('The 7-day average went from 70.00 to 80.00.');
  });

  it("says where the team's average went too", () => {
    const rows = [
      { metric_date: '2026-12-04', value: 70 },
      { metric_date: '2026-12-06', value: 80 },
    ];
    const team = [
      { metric_date: '2026-12-04', value: 60 },
      { metric_date: '2026-12-06', value: 64 },
    ];
    const text = describeDailySeries(
      chartMetric('composite_score'),
      dailySeries(rows, '2026-12-06', 730, team),
      730,
    );
    expect(text).toContain('Composite score, last 2 years: 2 days with data');
    expect(text).toContain('The team average went from 60.00 to 62.00.');
    expect(
      describeDailySeries(chartMetric('csat'), dailySeries([], '2026-12-06', 30, team), 30),
    ).toBe('CSAT: no data in the last 30 days. The team average went from 60.00 to 62.00.');
  });

  it('says when there is nothing to chart', () => {
    expect(describeDailySeries(chartMetric('aht'), dailySeries([], '2026-12-06', 90), 90)).toBe(
      'Average handle time: no data in the last 90 days.',
    );
  });
});

describe('ranges and dates', () => {
  it('reads a range from the address, 90 days otherwise', () => {
    expect(parseRange('730')).toBe(730);
    expect(parseRange('365')).toBe(365);
    expect(parseRange('30')).toBe(30);
    expect(parseRange('45')).toBe(90);
    expect(parseRange(null)).toBe(90);
  });

  it('names the ranges, and asks for a week before each, as far as one request reaches', () => {
    expect(rangeLabel(30)).toBe('30 days');
    expect(rangeLabel(730)).toBe('2 years');
    expect(fetchFrom('2026-12-06', 30)).toBe('2026-11-01');
    expect(fetchFrom('2026-12-06', 365)).toBe('2025-12-01');
    // 2 years and a week is more than the server's 731 days: 731 days, one before the range.
    expect(fetchFrom('2026-12-06', 730)).toBe('2024-12-06');
    expect(dayNumber('2026-12-06') - dayNumber(fetchFrom('2026-12-06', 730)) + 1).toBe(731);
    expect(needsWiderOverview(90)).toBe(false);
    expect(needsWiderOverview(365)).toBe(true);
    expect(needsWiderOverview(730)).toBe(true);
  });

  it('counts calendar days across month and year ends', () => {
    expect(addDays('2026-12-06', -370)).toBe('2025-12-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(isoOfDay(dayNumber('2026-03-29'))).toBe('2026-03-29');
  });

  it('falls back to the composite for an unknown metric', () => {
    expect(chartMetric('height').key).toBe('composite_score');
    expect(chartMetric('calls_handled').label).toBe('Calls handled');
  });
});
