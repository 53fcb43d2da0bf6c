import { useQuery } from '@tanstack/react-query';
import type { HistoryRow } from '../api/types';
import { getHistory, getMetrics, getOverview, getOverviewRange, getTeamDailyAverages, getUser } from './agentApi';
import { agentKeys } from './queryKeys';

export function useAgentOverview(id: string) {
  return useQuery({
    queryKey: agentKeys.overview(id),
    queryFn: ({ signal }) => getOverview(id, signal),
  });
}

export function useAgentOverviewRange(id: string, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: agentKeys.overviewRange(id, from, to),
    queryFn: ({ signal }) => getOverviewRange(id, from, to, signal),
    enabled,
  });
}

/** The daily averages of a team leader's team (the agent page's "Team average" line). */
export function useTeamDailyAverages(teamLeaderId: string | null, from: string, to: string, enabled: boolean) {
  return useQuery({
    queryKey: agentKeys.teamDaily(teamLeaderId ?? '', from, to),
    queryFn: ({ signal }) => getTeamDailyAverages(teamLeaderId ?? '', from, to, signal),
    enabled: enabled && teamLeaderId !== null,
  });
}

/** How many periods of each type the history shows. */
export const HISTORY_LIMITS: Record<HistoryRow['period_type'], number> = {
  WEEK: 26,
  MONTH: 13,
  QUARTER: 12,
};

export function useAgentHistory(id: string, type: HistoryRow['period_type']) {
  return useQuery({
    queryKey: agentKeys.history(id, type),
    queryFn: ({ signal }) => getHistory(id, type, HISTORY_LIMITS[type], signal),
  });
}

export function useAgentMetrics(id: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: agentKeys.metrics(id, from, to),
    queryFn: ({ signal }) => getMetrics(id, from, to, signal),
    enabled,
  });
}

export function useUser(id: string | null, enabled = true) {
  return useQuery({
    queryKey: agentKeys.user(id ?? ''),
    queryFn: ({ signal }) => getUser(id ?? '', signal),
    enabled: enabled && id !== null,
  });
}
