import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LoadingState } from '../components/LoadingState';

// Each role's home is its own chunk: an agent never downloads the manager's matrix.
const HOMES: Record<Role, LazyExoticComponent<ComponentType>> = {
  ADMIN: lazy(() => import('./AdminHomePage').then((m) => ({ default: m.AdminHomePage }))),
  MANAGER: lazy(() => import('./ManagerHomePage').then((m) => ({ default: m.ManagerHomePage }))),
  TEAM_LEADER: lazy(() =>
    import('./TeamLeaderHomePage').then((m) => ({ default: m.TeamLeaderHomePage })),
  ),
  AGENT: lazy(() => import('./AgentHomePage').then((m) => ({ default: m.AgentHomePage }))),
};

/** "/": the signed-in role's home. */
export function HomePage() {
  const { role } = useCurrentUser();
  const Home = HOMES[role];
  return (
    <Suspense fallback={<LoadingState />}>
      <Home />
    </Suspense>
  );
}
