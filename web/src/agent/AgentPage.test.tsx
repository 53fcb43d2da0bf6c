import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  AgentOverview,
  HistoryRow,
  PerformanceMetric,
  TeamDailyAverages,
  TeamDayAverages,
  User,
} from '../api/types';
import { apiError, fakeApi, jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';
import { currentPath, renderApp } from '../test/renderApp';

// jsdom has no canvas: the chart stands in as its name, its lines' labels and its text
// alternative.
vi.mock('../components/charts/TimeSeriesChart', () => ({
  TimeSeriesChart: ({ title, summary, lines }: { title: string; summary: string; lines: { label: string }[] }) => (
    <figure aria-label={title}>
      <ul aria-label="Lines">
        {lines.map((l) => (
          <li key={l.label}>{l.label}</li>
        ))}
      </ul>
      <p>{summary}</p>
    </figure>
  ),
}));

const LEADER = makeUser({ name: 'Jordan Blake', role: 'TEAM_LEADER', id: 'tl-jordan' });
const AGENT: User = makeUser({
  name: 'Bianca Schmidt',
  role: 'AGENT',
  id: 'agent-bianca',
  email: 'agent55@coach.demo',
  team_leader_id: 'tl-jordan',
  learning_style: 'Kinesthetic',
  shift_pattern: 'Morning',
  hire_date: '2025-04-20',
});

function overview(from: string, to = '2026-12-06'): AgentOverview {
  return {
    agent: {
      id: AGENT.id,
      name: AGENT.name,
      employee_id: 'E1055',
      status: 'ACTIVE',
      team_leader_id: 'tl-jordan',
      hire_date: '2025-04-20',
    },
    from,
    to,
    as_of: '2026-12-06',
    scorecard: {
      snapshot_as_of: '2026-12-06',
      performance_level: 'CRITICAL',
      latest: null,
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
      trends: null,
      last_coaching_at: '2026-11-30T14:31:00Z',
      days_since_last_coaching: 6,
    },
    history: [],
    percentile_ranking: { composite: 12 },
    percentile_as_of: '2026-03-09',
    series: [
      { metric_date: from, service_score: 50, productivity_score: 50, quality_score: 50, attendance_rate: 50, adherence_score: 50, composite_score: 50, csat: 3, fcr: 50, aht: 480 },
      { metric_date: '2026-12-04', service_score: 54, productivity_score: 54, quality_score: 60, attendance_rate: 59, adherence_score: 44, composite_score: 54.63, csat: 3.45, fcr: 54.73, aht: 456 },
    ],
  };
}

const WEEK: HistoryRow = {
  id: 'h-1',
  agent_id: AGENT.id,
  period_type: 'WEEK',
  period_ending: '2026-11-29',
  avg_service_score: 52.69,
  avg_productivity_score: 52.73,
  avg_quality_score: 51.6,
  avg_attendance_rate: 57.46,
  avg_adherence_score: 51.88,
  avg_composite_score: 53.31,
  service_trend: 0.81,
  productivity_trend: -1.35,
  quality_trend: null,
  attendance_trend: 0,
  adherence_trend: -0.1,
  score_variance: 7.3,
  days_worked: 5,
  annotations: {
    events: [
      { id: 's-1', date: '2026-11-23', type: 'SESSION_COMPLETED', description: 'REGULAR coaching session completed' },
    ],
  },
  created_at: '2026-12-06T00:00:00Z',
  updated_at: '2026-12-06T00:00:00Z',
};

function teamDays(from: string, to: string): TeamDailyAverages {
  const day = (metric_date: string, composite: number): TeamDayAverages => ({
    metric_date,
    agent_count: 12,
    service_score: composite,
    productivity_score: composite,
    quality_score: composite,
    attendance_rate: composite,
    adherence_score: composite,
    composite_score: composite,
    csat: 4,
    fcr: composite,
    aht: 400,
  });
  return { team_leader_id: 'tl-jordan', from, to, days: [day('2026-12-03', 61), day('2026-12-04', 65)] };
}

function metric(date: string, calls: number): PerformanceMetric {
  return { metric_date: date, calls_handled: calls } as PerformanceMetric;
}

function open(
  path: string,
  me: User,
  overviewStatus = 200,
  routes: Parameters<typeof fakeApi>[0] = {},
) {
  const api = fakeApi({
    'GET /api/v1/auth/me': () => jsonResponse(200, me),
    [`GET /api/v1/agents/${AGENT.id}/overview`]: (req: RecordedRequest) => {
      if (overviewStatus !== 200) return apiError(overviewStatus, 'not_found', 'Not found.');
      const from = new URL(req.url, 'http://x').searchParams.get('from');
      return jsonResponse(200, overview(from ?? '2026-09-08'));
    },
    [`GET /api/v1/users/${AGENT.id}`]: () => jsonResponse(200, AGENT),
    'GET /api/v1/performance-history': () => jsonResponse(200, { items: [WEEK], next_cursor: null }),
    'GET /api/v1/teams/tl-jordan/daily-averages': (req: RecordedRequest) => {
      const q = new URL(req.url, 'http://x').searchParams;
      return jsonResponse(200, teamDays(q.get('from') ?? '', q.get('to') ?? ''));
    },
    'GET /api/v1/performance-metrics': () =>
      jsonResponse(200, { items: [metric('2026-12-04', 55), metric('2026-12-03', 45)], next_cursor: null }),
    ...routes,
  });
  const app = renderApp(path);
  return { ...api, ...app };
}

afterEach(cleanup);

describe('agent page', () => {
  it("shows a team leader the agent's scorecard, contact figures, trends, history and profile", async () => {
    open(`/agents/${AGENT.id}`, LEADER);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bianca Schmidt' })).toBeTruthy();
    const scorecard = screen.getByRole('region', { name: 'Scorecard' });
    expect(within(scorecard).getByText('53.33')).toBeTruthy();
    expect(within(scorecard).getByText(/Percentile 12/)).toBeTruthy();

    const contact = screen.getByRole('region', { name: 'Customer contact' });
    expect(within(contact).getByText('8:17')).toBeTruthy(); // AHT 496.95 s
    expect(await within(contact).findByText('100')).toBeTruthy(); // calls 55 + 45
    expect(within(contact).getByText('50 a day over 2 days')).toBeTruthy();

    expect(await screen.findByRole('figure', { name: 'Composite score, daily, last 90 days' })).toBeTruthy();

    const history = screen.getByRole('region', { name: 'History' });
    const table = await within(history).findByRole('table', { name: 'History by week, latest first' });
    const row = within(table).getByRole('row', { name: /Week ending/ });
    expect(within(row).getByText('53.31')).toBeTruthy();
    expect(within(row).getByText(/REGULAR coaching session completed/)).toBeTruthy();
    expect(within(row).getByText(/\+0\.81/)).toBeTruthy();

    const profile = screen.getByRole('region', { name: 'Profile' });
    await within(profile).findByText('agent55@coach.demo');
    expect(within(profile).getByText('Jordan Blake')).toBeTruthy();
    expect(within(profile).getByText('Kinesthetic')).toBeTruthy();
    expect(within(profile).getByText('Morning')).toBeTruthy();
  });

  it('asks the server for a year (and a week to smooth) when the range is 365 days', async () => {
    const { requests, router } = open(`/agents/${AGENT.id}`, LEADER);
    await screen.findByRole('heading', { level: 1, name: 'Bianca Schmidt' });
    fireEvent.click(screen.getByRole('radio', { name: '365 days' }));
    expect(await screen.findByRole('figure', { name: 'Composite score, daily, last 365 days' })).toBeTruthy();
    expect(requests.map((r) => r.url)).toContain(
      `/api/v1/agents/${AGENT.id}/overview?from=2025-12-01&to=2026-12-06`,
    );
    expect(currentPath(router)).toBe(`/agents/${AGENT.id}?range=365`);
  });

  it("draws the team's average as a third line, from the team leader's daily averages", async () => {
    const { requests } = open(`/agents/${AGENT.id}`, LEADER);
    const figure = await screen.findByRole('figure', { name: 'Composite score, daily, last 90 days' });
    const lines = within(figure).getByRole('list', { name: 'Lines' });
    expect(within(lines).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Daily',
      '7-day average',
      'Team average',
    ]);
    expect(figure.textContent).toContain('The team average went from 61.00 to 63.00.');
    // The 30- and 90-day ranges share one request: 90 days and the week before them.
    expect(requests.map((r) => r.url)).toContain(
      '/api/v1/teams/tl-jordan/daily-averages?from=2026-09-02&to=2026-12-06',
    );
    expect(screen.getByText(/The team average is the mean of the team's agents on each day/)).toBeTruthy();
  });

  it('reads 2 years from the archive, for the agent and the team, in one request each', async () => {
    const { requests, router } = open(`/agents/${AGENT.id}`, LEADER);
    await screen.findByRole('heading', { level: 1, name: 'Bianca Schmidt' });
    fireEvent.click(screen.getByRole('radio', { name: '2 years' }));
    const figure = await screen.findByRole('figure', { name: 'Composite score, daily, last 2 years' });
    expect(within(figure).getByText('Team average')).toBeTruthy();
    const urls = requests.map((r) => r.url);
    // 731 days, the most the server gives at once.
    expect(urls).toContain(`/api/v1/agents/${AGENT.id}/overview?from=2024-12-06&to=2026-12-06`);
    expect(urls).toContain('/api/v1/teams/tl-jordan/daily-averages?from=2024-12-06&to=2026-12-06');
    expect(currentPath(router)).toBe(`/agents/${AGENT.id}?range=730`);
  });

  it('reads every page of 2 years of call counts, without a team line (calls are not averaged)', async () => {
    const { requests } = open(`/agents/${AGENT.id}?metric=calls_handled&range=730`, LEADER, 200, {
      // 500 days a page: the older days come on a second page.
      'GET /api/v1/performance-metrics': (req: RecordedRequest) =>
        req.url.includes('cursor=page-2')
          ? jsonResponse(200, { items: [metric('2025-01-03', 45)], next_cursor: null })
          : jsonResponse(200, { items: [metric('2026-12-04', 55)], next_cursor: 'page-2' }),
    });
    const figure = await screen.findByRole('figure', { name: 'Calls handled, daily, last 2 years' });
    expect(figure.textContent).toContain('2 days with data');
    expect(within(figure).queryByText('Team average')).toBeNull();
    expect(requests.map((r) => r.url)).toContain(
      `/api/v1/performance-metrics?agent_id=${AGENT.id}&from=2024-12-06&to=2026-12-06&limit=500&cursor=page-2`,
    );
    expect(requests.some((r) => r.url.startsWith('/api/v1/teams/'))).toBe(false);
  });

  it("charts without the team's line when its averages cannot be had", async () => {
    const { requests } = open(`/agents/${AGENT.id}`, LEADER, 200, {
      'GET /api/v1/teams/tl-jordan/daily-averages': () => apiError(404, 'not_found', 'Not found.'),
    });
    const figure = await screen.findByRole('figure', { name: 'Composite score, daily, last 90 days' });
    expect(within(figure).queryByText('Team average')).toBeNull();
    expect(screen.getByText('The team average could not be loaded.')).toBeTruthy();
    expect(requests.some((r) => r.url.startsWith('/api/v1/teams/tl-jordan/daily-averages'))).toBe(true);
  });

  it('shows the not-found state when the server answers 404', async () => {
    open(`/agents/${AGENT.id}`, LEADER, 404);
    expect(await screen.findByRole('heading', { level: 1, name: 'Agent not found' })).toBeTruthy();
    expect(screen.getByText('No agent here, or not one you can see.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Scorecard' })).toBeNull();
  });
});

describe('agent home', () => {
  it('shows an agent their own scorecard without asking for their team leader', async () => {
    const { requests } = open('/', AGENT);
    expect(await screen.findByRole('region', { name: 'Scorecard' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'My scorecard' })).toBeTruthy();
    const profile = screen.getByRole('region', { name: 'Profile' });
    await within(profile).findByText('agent55@coach.demo');
    expect(within(profile).queryByText('Team leader')).toBeNull();
    await waitFor(() => expect(requests.some((r) => r.url.startsWith('/api/v1/performance-history'))).toBe(true));
    expect(requests.some((r) => r.url === '/api/v1/users/tl-jordan')).toBe(false);
    // Their own charts have no team line, and the team's averages are not asked for.
    const figure = await screen.findByRole('figure', { name: 'Composite score, daily, last 90 days' });
    expect(within(figure).queryByText('Team average')).toBeNull();
    expect(requests.some((r) => r.url.startsWith('/api/v1/teams/'))).toBe(false);
  });
});
