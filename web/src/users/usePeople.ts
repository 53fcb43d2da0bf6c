import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { UserPage } from '../api/types';
import { NO_FILTERS, type PeopleFilters } from './filters';
import { userKeys } from './queryKeys';
import { listUsers } from './usersApi';

/** The people in the caller's scope matching `filters`, a page at a time ("Load more"). */
export function usePeople(filters: PeopleFilters = NO_FILTERS) {
  return useInfiniteQuery<
    UserPage,
    ApiError,
    InfiniteData<UserPage>,
    ReturnType<typeof userKeys.list>,
    string | null
  >({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listUsers(filters, pageParam, signal),
    initialPageParam: null,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    // A new filter keeps the rows on screen (marked as updating) until its answer arrives.
    placeholderData: keepPreviousData,
  });
}
