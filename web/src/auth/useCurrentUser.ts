import type { User } from '../api/types';
import { useMe } from './useMe';

/** The signed-in user, for components under the app's RequireAuth route. */
export function useCurrentUser(): User {
  const me = useMe().data;
  if (!me) throw new Error('useCurrentUser() used outside a signed-in route');
  return me;
}
