import { useQuery } from '@tanstack/react-query';
import { fetchMe } from './authApi';
import { meKey } from './queryKeys';

/** null = signed out; undefined while the first check is in flight. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60 * 1000,
  });
}
