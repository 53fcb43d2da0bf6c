// Test data of the teams area: a manager's team, an agent's card and a correlation matrix.
import type {
  CorrelatedMetric,
  CorrelationMatrix,
  DashboardCard,
  DashboardManagerTeam,
  DashboardTeamAverages,
} from '../api/types';

export const AVERAGES: DashboardTeamAverages = {
  service_score: 78.63,
  productivity_score: 91.04,
  quality_score: 59.3,
  attendance_rate: 86.11,
  adherence_score: 64.92,
  composite_score: 79.79,
  csat: 4.17,
  fcr: 72.82,
  aht: 352.24,
};

export function makeCard(overrides: Partial<DashboardCard> & { agent_id: string; name: string }): DashboardCard {
  return {
    employee_id: 'E1000',
    status: 'ACTIVE',
    snapshot_as_of: '2026-12-06',
    performance_level: 'FAIR',
    latest: null,
    avg_30d: {
      days_with_data: 20,
      ...AVERAGES,
      composite_score: 74.54,
    },
    trends: {
      service_score: 'STABLE',
      productivity_score: 'STABLE',
      quality_score: 'STABLE',
      attendance_rate: 'STABLE',
      adherence_score: 'STABLE',
      composite_score: 'DECLINING',
      csat: 'STABLE',
      fcr: 'STABLE',
      aht: 'STABLE',
    },
    last_coaching_at: '2026-11-16T16:36:00Z',
    days_since_last_coaching: 20,
    unaddressed_high_notes: 0,
    overdue_action_items: 0,
    active_pip: false,
    urgency_score: 67,
    urgency_reasons: [
      { code: 'LOW_PERFORMANCE', text: '30-day composite 74.54 (FAIR)', points: 15 },
      { code: 'OVERDUE_COACHING', text: '20 days since last coaching (FAIR: every 7 days)', points: 30 },
    ],
    ...overrides,
  };
}

export function makeTeam(
  overrides: Partial<DashboardManagerTeam> & { team_leader_id: string; team_leader_name: string },
): DashboardManagerTeam {
  return {
    agent_count: 14,
    active_pips: 1,
    levels: { EXCELLENT: 1, GOOD: 8, FAIR: 4, POOR: 0, CRITICAL: 1, NONE: 0 },
    avg_30d: AVERAGES,
    top_urgent_agents: [makeCard({ agent_id: 'agent-bianca', name: 'Bianca Schmidt', urgency_score: 90 })],
    ...overrides,
  };
}

export const CORRELATED: CorrelatedMetric[] = [
  'service_score',
  'productivity_score',
  'quality_score',
  'attendance_rate',
  'adherence_score',
  'composite_score',
  'csat',
  'fcr',
  'aht',
];

/** Every pair of the nine metrics, r from `r(x, y)` (default 0.5) and n = 120. */
export function makeMatrix(
  r: (x: CorrelatedMetric, y: CorrelatedMetric) => number | null = () => 0.5,
  overrides: Partial<CorrelationMatrix> = {},
): CorrelationMatrix {
  const pairs: CorrelationMatrix['pairs'] = [];
  CORRELATED.forEach((x, i) =>
    CORRELATED.slice(i + 1).forEach((y) => {
      const value = r(x, y);
      pairs.push({ metric_x: x, metric_y: y, r: value, n: value === null ? 1 : 120 });
    }),
  );
  return {
    from: '2026-09-08',
    to: '2026-12-06',
    agents: 41,
    rows: 2695,
    metrics: CORRELATED,
    pairs,
    ...overrides,
  };
}
