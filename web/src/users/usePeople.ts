import { useInfiniteQuery } from '@tanstack/react-query';
import { listUsers } from './usersApi';

export function usePeople() {
  return useInfiniteQuery({
    queryKey: ['users', 'list'],
    queryFn: ({ pageParam, signal }) => listUsers(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
