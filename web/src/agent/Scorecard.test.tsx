import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardScorecard } from '../api/types';
import { Scorecard } from './Scorecard';

const SCORECARD: DashboardScorecard = {
  snapshot_as_of: '2026-12-06',
  performance_level: 'CRITICAL',
  latest: {
    metric_date: '2026-12-04',
    service_score: 53.83,
    productivity_score: 54,
    quality_score: 59.91,
    attendance_rate: 58.78,
    adherence_score: 44.25,
    composite_score: 54.63,
    csat: 3.45,
    fcr: 54.73,
    aht: 456,
  },
  avg_30d: {
    days_with_data: 19,
    service_score: 52.94,
    productivity_score: 52.33,
    quality_score: 52.86,
    attendance_rate: 57.39,
    adherence_score: 50.54,
    composite_score: 53.33,
    csat: 3.21,
    fcr: 51.66,
    aht: 496.95,
  },
  trends: {
    service_score: 'STABLE',
    productivity_score: 'IMPROVING',
    quality_score: 'DECLINING',
    attendance_rate: 'INSUFFICIENT_DATA',
    adherence_score: 'STABLE',
    composite_score: 'DECLINING',
    csat: 'STABLE',
    fcr: 'STABLE',
    aht: 'STABLE',
  },
  last_coaching_at: '2026-11-30T14:31:00Z',
  days_since_last_coaching: 6,
};

function tile(name: string) {
  const heading = screen.getByRole('heading', { level: 3, name });
  return within(heading.closest('li, .score-tile') as HTMLElement);
}

afterEach(cleanup);

/** The text of the trend label in a tile (arrow, hidden "X trend:" and the words). */
function trendText(t: ReturnType<typeof tile>): string {
  return t.getByText(/trend:/).parentElement?.textContent ?? '';
}

describe('Scorecard', () => {
  it('shows the composite, the level in words and the coaching cadence of the level', () => {
    render(<Scorecard scorecard={SCORECARD} percentiles={null} percentilesAsOf={null} />);
    const card = screen.getByRole('region', { name: 'Scorecard' });
    expect(within(card).getByText(/30-day averages as of/)).toBeTruthy();
    const composite = tile('Composite');
    expect(composite.getByText('53.33')).toBeTruthy();
    expect(trendText(composite)).toBe('↓ Composite trend: Declining');
    expect(within(card).getByText('Critical').className).toContain('perf-level-critical');
    // CRITICAL: coached every day; 6 days is 5 days overdue.
    expect(within(card).getByText('6 days')).toBeTruthy();
    expect(within(card).getByText('Due every day')).toBeTruthy();
    expect(within(card).getByText('Overdue by 5 days')).toBeTruthy();
    expect(within(card).getByText('19 of the last 30')).toBeTruthy();
  });

  it('shows the five scores with their trends and the latest day', () => {
    render(<Scorecard scorecard={SCORECARD} percentiles={null} percentilesAsOf={null} />);
    const list = screen.getByRole('list', { name: 'Scores, 30-day averages' });
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Service',
      'Productivity',
      'Quality',
      'Attendance',
      'Adherence',
    ]);
    expect(tile('Service').getByText('52.94')).toBeTruthy();
    expect(tile('Service').getByText('53.83')).toBeTruthy();
    expect(trendText(tile('Productivity'))).toContain('Improving');
    expect(trendText(tile('Quality'))).toContain('Declining');
    expect(trendText(tile('Attendance'))).toContain('Not enough data');
    expect(screen.queryByText(/Percentile/)).toBeNull();
  });

  it('shows percentiles where the agent opted in and a score has one', () => {
    render(
      <Scorecard
        scorecard={SCORECARD}
        percentiles={{ composite: 12, service: 75, quality: null }}
        percentilesAsOf="2026-03-09"
      />,
    );
    expect(screen.getByText(/percentiles as of/)).toBeTruthy();
    expect(tile('Composite').getByText(/Percentile 12/)).toBeTruthy();
    expect(tile('Service').getByText(/Percentile 75/)).toBeTruthy();
    expect(tile('Quality').queryByText(/Percentile/)).toBeNull();
  });

  it('says when there are no figures and the agent was never coached', () => {
    render(
      <Scorecard
        scorecard={{
          snapshot_as_of: null,
          performance_level: null,
          latest: null,
          avg_30d: null,
          trends: null,
          last_coaching_at: null,
          days_since_last_coaching: null,
        }}
        percentiles={null}
        percentilesAsOf="2026-03-09"
      />,
    );
    expect(screen.getByText('No figures yet')).toBeTruthy();
    expect(screen.queryByText(/percentiles as of/)).toBeNull();
    expect(screen.getByText('No level')).toBeTruthy();
    expect(screen.getByText('Never coached')).toBeTruthy();
    // Without a level the cadence is every 14 days.
    expect(screen.getByText('Due every 14 days')).toBeTruthy();
    expect(tile('Composite').getByText('—')).toBeTruthy();
    expect(screen.getAllByText(/No trend yet/)).toHaveLength(6);
  });
});
