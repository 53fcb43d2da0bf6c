import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ApiError } from '../api/client';
import type { Role, User, UserCreate, UserPatch } from '../api/types';
import { userKeys } from './queryKeys';
import {
  createUser,
  deleteUser,
  getUser,
  listDirectory,
  requestPasswordReset,
  searchUsers,
  updateUser,
} from './usersApi';

export function usePerson(id: string | null) {
  return useQuery<User, ApiError>({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getUser(id ?? '', signal),
    enabled: id !== null && id !== '',
  });
}

/** Everyone of one role in the caller's scope (team leaders, managers): few, read whole. */
export function useDirectory(role: Role, enabled = true) {
  return useQuery<User[], ApiError>({
    queryKey: userKeys.directory(role),
    queryFn: ({ signal }) => listDirectory(role, signal),
    staleTime: 60_000,
    enabled,
  });
}

/** People matching q (at least one character), for a picker. */
export function usePeopleSearch(q: string) {
  const text = q.trim();
  return useQuery<User[], ApiError>({
    queryKey: userKeys.search(text),
    queryFn: ({ signal }) => searchUsers(text, signal),
    enabled: text !== '',
    staleTime: 30_000,
  });
}

/**
 * A change to a person moves them in lists, teams, dashboards and queues: everything cached is
 * stale (only what is on screen is fetched again).
 */
function afterPersonChange(client: QueryClient, person?: User) {
  if (person) client.setQueryData(userKeys.detail(person.id), person);
  return client.invalidateQueries();
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation<User, ApiError, UserCreate>({
    mutationFn: createUser,
    onSuccess: (person) => afterPersonChange(client, person),
  });
}

export function useUpdatePerson(id: string) {
  const client = useQueryClient();
  return useMutation<User, ApiError, UserPatch>({
    mutationFn: (patch) => updateUser(id, patch),
    onSuccess: (person) => afterPersonChange(client, person),
  });
}

export function useDeletePerson(id: string) {
  const client = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => deleteUser(id),
    // Everything is stale, but nothing is fetched again here: the page that asked leaves (and
    // would unmount, losing its callbacks, if its own query came back first as deleted).
    onSuccess: () => client.invalidateQueries({ refetchType: 'none' }),
  });
}

export function usePasswordReset() {
  return useMutation<string, ApiError, string>({ mutationFn: requestPasswordReset });
}
