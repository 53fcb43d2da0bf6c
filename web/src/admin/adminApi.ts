// The admin home's API calls: the organisation's counts (GET /dashboard as an ADMIN) and the
// team performance summary (every team, one page of up to 500).
import { api, ok } from '../api/client';
import type { DashboardAdminHome, TeamPerformanceSummaryRow } from '../api/types';

export async function fetchAdminHome(signal?: AbortSignal): Promise<DashboardAdminHome> {
  const home = await ok(api.GET('/api/v1/dashboard', { signal }));
  if (home.role !== 'ADMIN')
    throw new Error(`The dashboard answered for the role ${home.role}, not an administrator.`);
  return home;
}

export async function fetchTeamSummary(signal?: AbortSignal): Promise<TeamPerformanceSummaryRow[]> {
  const page = await ok(api.GET('/api/v1/team-performance-summary', { params: { query: { limit: 500 } }, signal }));
  return page.items;
}

export const adminKeys = {
  home: () => ['admin', 'home'] as const,
  teamSummary: () => ['admin', 'team-summary'] as const,
};
