// Dashboard cards for the queue's tests.
import type { DashboardCard, DashboardMetricTrend } from '../api/types';

export interface CardSpec {
  name: string;
  urgency: number;
  level?: DashboardCard['performance_level'];
  composite?: number | null;
  trend?: DashboardMetricTrend | null;
  days?: number | null;
  reasons?: DashboardCard['urgency_reasons'];
}

/** A dashboard card for tests, GOOD and STABLE unless told otherwise. */
export function card({ name, urgency, level = 'GOOD', composite = 85, trend = 'STABLE', days = 3, reasons = [] }: CardSpec): DashboardCard {
  const id = `id-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    agent_id: id,
    name,
    employee_id: null,
    status: 'ACTIVE',
    snapshot_as_of: '2026-12-06',
    performance_level: level,
    latest: null,
    avg_30d:
      composite === null
        ? null
        : {
            days_with_data: 20,
            service_score: composite,
            productivity_score: composite,
            quality_score: composite,
            attendance_rate: composite,
            adherence_score: composite,
            composite_score: composite,
            csat: 4,
            fcr: 70,
            aht: 300,
          },
    trends:
      trend === null
        ? null
        : {
            service_score: 'STABLE',
            productivity_score: 'STABLE',
            quality_score: 'STABLE',
            attendance_rate: 'STABLE',
            adherence_score: 'STABLE',
            composite_score: trend,
            csat: 'STABLE',
            fcr: 'STABLE',
            aht: 'STABLE',
          },
    last_coaching_at: days === null ? null : '2026-12-01T10:00:00Z',
    days_since_last_coaching: days,
    unaddressed_high_notes: 0,
    overdue_action_items: 0,
    active_pip: false,
    urgency_score: urgency,
    urgency_reasons: reasons,
  };
}

