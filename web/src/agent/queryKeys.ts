import type { HistoryRow } from '../api/types';

type PeriodType = HistoryRow['period_type'];

/** TanStack Query keys of the agent page. */
export const agentKeys = {
  all: ['agent'] as const,
  /** The overview with the server's default range (90 days to today). */
  overview: (id: string) => [...agentKeys.all, id, 'overview'] as const,
  overviewRange: (id: string, from: string, to: string) =>
    [...agentKeys.all, id, 'overview', from, to] as const,
  history: (id: string, type: PeriodType) => [...agentKeys.all, id, 'history', type] as const,
  metrics: (id: string, from: string, to: string) =>
    [...agentKeys.all, id, 'metrics', from, to] as const,
  user: (id: string) => [...agentKeys.all, 'user', id] as const,
  /** A team's daily averages (the charts' "Team average"), by team leader. */
  teamDaily: (teamLeaderId: string, from: string, to: string) =>
    [...agentKeys.all, 'team', teamLeaderId, 'daily', from, to] as const,
};
