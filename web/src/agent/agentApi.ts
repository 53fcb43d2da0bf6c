import { api, ok } from '../api/client';
import type { AgentOverview, HistoryPage, HistoryRow, MetricsPage, TeamDailyAverages, User } from '../api/types';

/** The server's default range: 90 days to today in the organisation's time zone. */
export function getOverview(id: string, signal?: AbortSignal): Promise<AgentOverview> {
  return ok(api.GET('/api/v1/agents/{id}/overview', { params: { path: { id } }, signal }));
}

/** An explicit range (at most 731 days); older days come from the archive. */
export function getOverviewRange(
  id: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<AgentOverview> {
  return ok(
    api.GET('/api/v1/agents/{id}/overview', {
      params: { path: { id }, query: { from, to } },
      signal,
    }),
  );
}

/** The latest `limit` periods of one type, latest first. */
export function getHistory(
  agentId: string,
  periodType: HistoryRow['period_type'],
  limit: number,
  signal?: AbortSignal,
): Promise<HistoryPage> {
  return ok(
    api.GET('/api/v1/performance-history', {
      params: { query: { agent_id: agentId, period_type: periodType, limit } },
      signal,
    }),
  );
}

/** The most pages of daily metrics one chart reads (500 days a page: 2 years and a week). */
const MAX_METRIC_PAGES = 4;

/**
 * Days of metrics between from and to (newest first): one page of up to 500 days, and the
 * next ones for a longer range (2 years).
 */
export async function getMetrics(
  agentId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<MetricsPage> {
  const items: MetricsPage['items'] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_METRIC_PAGES; page++) {
    const next: MetricsPage = await ok(
      api.GET('/api/v1/performance-metrics', {
        params: { query: { agent_id: agentId, from, to, limit: 500, ...(cursor ? { cursor } : {}) } },
        signal,
      }),
    );
    items.push(...next.items);
    cursor = next.next_cursor ?? null;
    if (cursor === null) break;
  }
  return { items, next_cursor: cursor };
}

/** A team's average of each daily metric per day, from and to inclusive (at most 731 days). */
export function getTeamDailyAverages(
  teamLeaderId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<TeamDailyAverages> {
  return ok(
    api.GET('/api/v1/teams/{team_leader_id}/daily-averages', {
      params: { path: { team_leader_id: teamLeaderId }, query: { from, to } },
      signal,
    }),
  );
}

export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return ok(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal }));
}
