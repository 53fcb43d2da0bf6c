import { api, ok } from '../api/client';
import type { DashboardTeamLeaderHome } from '../api/types';
import { markQueueData } from './queuePerformance';

/**
 * The signed-in team leader's team, most urgent first (GET /api/v1/dashboard answers a team
 * leader with their own team dashboard: the whole team, no paging).
 */
export async function getTeamLeaderHome(signal?: AbortSignal): Promise<DashboardTeamLeaderHome> {
  const home = await ok(api.GET('/api/v1/dashboard', { signal }));
  if (home.role !== 'TEAM_LEADER') {
    throw new Error(`The dashboard answered for role ${home.role}, not a team leader.`);
  }
  markQueueData(home);
  return home;
}
