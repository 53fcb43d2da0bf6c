import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PAGES, type PageHandle, type PageKey } from './pages';
import { RequireAuth } from './RequireAuth';
import { AppLoading, Root } from './Root';
import { RouteError } from './RouteError';

// Every page is its own chunk, loaded when first visited (the router's `lazy`): signing in
// downloads neither the header's menu nor any page behind it.
function lazyComponent(load: () => Promise<ComponentType>): RouteObject['lazy'] {
  return async () => ({ Component: await load() });
}

function page(key: PageKey, load: () => Promise<ComponentType>): RouteObject {
  const handle: PageHandle = { page: key };
  const path = PAGES[key].path.replace(/^\//, '');
  const lazy = lazyComponent(load);
  return path === '' ? { index: true, handle, lazy } : { path, handle, lazy };
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <AppLoading />,
    children: [
      {
        path: 'sign-in',
        lazy: lazyComponent(() => import('../pages/SignInPage').then((m) => m.SignInPage)),
      },
      {
        lazy: lazyComponent(() => import('./AppLayout').then((m) => m.AppLayout)),
        children: [
          {
            element: <RequireAuth />,
            errorElement: <RouteError />,
            children: [
              page('home', () => import('../pages/HomePage').then((m) => m.HomePage)),
              page('people', () => import('../pages/PeoplePage').then((m) => m.PeoplePage)),
              page('person', () => import('../users/PersonPage').then((m) => m.PersonPage)),
              page('imports', () => import('../pages/ImportsPage').then((m) => m.ImportsPage)),
              page('import', () =>
                import('../imports/ImportDetailPage').then((m) => m.ImportDetailPage),
              ),
              page('jobs', () => import('../pages/JobsPage').then((m) => m.JobsPage)),
              page('audit', () => import('../pages/AuditPage').then((m) => m.AuditPage)),
              page('settings', () => import('../pages/SettingsPage').then((m) => m.SettingsPage)),
              page('account', () => import('../pages/AccountPage').then((m) => m.AccountPage)),
              page('agent', () => import('../pages/AgentPage').then((m) => m.AgentPage)),
              page('team', () => import('../pages/TeamPage').then((m) => m.TeamPage)),
              page('sessions', () =>
                import('../sessions/SessionsPage').then((m) => m.SessionsPage),
              ),
              page('scheduleSession', () =>
                import('../sessions/ScheduleSessionPage').then((m) => m.ScheduleSessionPage),
              ),
              page('session', () => import('../sessions/SessionPage').then((m) => m.SessionPage)),
              page('mySessions', () =>
                import('../sessions/MySessionsPage').then((m) => m.MySessionsPage),
              ),
              page('notes', () => import('../notes/NotesPage').then((m) => m.NotesPage)),
              page('newNote', () => import('../notes/NewNotePage').then((m) => m.NewNotePage)),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
