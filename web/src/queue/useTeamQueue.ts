import { useQuery } from '@tanstack/react-query';
import { getTeamLeaderHome } from './queueApi';
import { queueKeys } from './queryKeys';

export function useTeamQueue() {
  return useQuery({
    queryKey: queueKeys.teamLeaderHome(),
    queryFn: ({ signal }) => getTeamLeaderHome(signal),
  });
}
