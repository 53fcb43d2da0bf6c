import { api, ok } from '../api/client';
import type { AgentOverview, HistoryPage, HistoryRow, MetricsPage, User } from '../api/types';

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

/** Days of metrics between from and to (newest first); a range of up to 500 days is one page. */
export function getMetrics(
  agentId: string,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<MetricsPage> {
  return ok(
    api.GET('/api/v1/performance-metrics', {
      params: { query: { agent_id: agentId, from, to, limit: 500 } },
      signal,
    }),
  );
}

export function getUser(id: string, signal?: AbortSignal): Promise<User> {
  return ok(api.GET('/api/v1/users/{id}', { params: { path: { id } }, signal }));
}
