// Server state of the teams area (TanStack Query).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCorrelations, fetchManagerHome, fetchTeamDashboard } from './teamsApi';
import { teamsKeys, type CorrelationPeriod } from './queryKeys';

export function useManagerHome() {
  return useQuery({
    queryKey: teamsKeys.managerHome(),
    queryFn: ({ signal }) => fetchManagerHome(signal),
  });
}

export function useTeamDashboard(teamLeaderId: string) {
  return useQuery({
    queryKey: teamsKeys.team(teamLeaderId),
    queryFn: ({ signal }) => fetchTeamDashboard(teamLeaderId, signal),
  });
}

export function useCorrelations(period: CorrelationPeriod) {
  return useQuery({
    queryKey: teamsKeys.correlations(period),
    queryFn: ({ signal }) => fetchCorrelations(period, signal),
    // A new period keeps the previous matrix on screen (marked as updating) until it arrives.
    placeholderData: keepPreviousData,
  });
}
