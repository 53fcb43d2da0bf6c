import { useQueryClient } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation, useMatches } from 'react-router';
import { returnsAfterSignIn } from '../auth/session';
import { useMe } from '../auth/useMe';
import { NotFoundPage } from '../pages/NotFoundPage';
import { isPageHandle, mayOpen } from './pages';
import { signInPath } from './signInPath';

/**
 * The signed-in part of the app. Signed out (never signed in, or the session expired and an
 * API call answered 401) it sends the user to sign-in, which comes back here afterwards; a
 * page the user's role may not open is "not found", as the server says for data out of scope.
 */
export function RequireAuth() {
  const user = useMe().data;
  const queryClient = useQueryClient();
  const location = useLocation();
  const matches = useMatches();

  if (!user) {
    const here = `${location.pathname}${location.search}${location.hash}`;
    const to = returnsAfterSignIn(queryClient) ? signInPath(here) : '/sign-in';
    return <Navigate to={to} replace />;
  }
  const page = matches
    .map((m) => m.handle)
    .filter(isPageHandle)
    .at(-1);
  if (page && !mayOpen(user.role, page.page)) return <NotFoundPage />;
  return <Outlet />;
}
