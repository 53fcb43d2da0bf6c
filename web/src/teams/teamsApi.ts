// The teams area's API calls: the manager's home (GET /dashboard), a team's dashboard and the
// correlations between metrics.
import { api, ok } from '../api/client';
import type { CorrelationMatrix, DashboardManagerHome, TeamDashboard } from '../api/types';
import type { CorrelationPeriod } from './queryKeys';

/** GET /api/v1/dashboard for a MANAGER: their teams with averages and level counts. */
export async function fetchManagerHome(signal?: AbortSignal): Promise<DashboardManagerHome> {
  const home = await ok(api.GET('/api/v1/dashboard', { signal }));
  if (home.role !== 'MANAGER')
    throw new Error(`The dashboard answered for the role ${home.role}, not a manager.`);
  return home;
}

/** GET /api/v1/teams/{team_leader_id}/dashboard: a team's agents, most urgent first. */
export function fetchTeamDashboard(teamLeaderId: string, signal?: AbortSignal): Promise<TeamDashboard> {
  return ok(
    api.GET('/api/v1/teams/{team_leader_id}/dashboard', {
      params: { path: { team_leader_id: teamLeaderId } },
      signal,
    }),
  );
}

/** GET /api/v1/analytics/correlations over a period (the server's default: the last 90 days). */
export function fetchCorrelations(
  period: CorrelationPeriod,
  signal?: AbortSignal,
): Promise<CorrelationMatrix> {
  const query: CorrelationPeriod = {};
  if (period.from) query.from = period.from;
  if (period.to) query.to = period.to;
  return ok(api.GET('/api/v1/analytics/correlations', { params: { query }, signal }));
}
