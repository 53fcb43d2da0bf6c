// Which pages exist, where they live and which roles may open them: the one table the router,
// the navigation and the role checks read.
import type { Role } from '../api/types';

export interface PageInfo {
  /** The route path (React Router syntax). */
  path: string;
  /** Its name in the navigation. */
  label: string;
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['ADMIN', 'MANAGER', 'TEAM_LEADER', 'AGENT'];
const PEOPLE_MANAGERS: readonly Role[] = ['ADMIN', 'MANAGER', 'TEAM_LEADER'];
const ADMINS: readonly Role[] = ['ADMIN'];

export const PAGES = {
  home: { path: '/', label: 'Home', roles: EVERYONE },
  people: { path: '/people', label: 'People', roles: PEOPLE_MANAGERS },
  // A person's details and administration; the server answers 404 outside the caller's scope.
  person: { path: '/people/:id', label: 'Person', roles: ['ADMIN', 'MANAGER'] },
  imports: { path: '/imports', label: 'Imports', roles: ADMINS },
  import: { path: '/imports/:id', label: 'Import', roles: ADMINS },
  jobs: { path: '/jobs', label: 'Jobs', roles: ADMINS },
  audit: { path: '/audit', label: 'Audit', roles: ADMINS },
  settings: { path: '/settings', label: 'Settings', roles: ADMINS },
  account: { path: '/account', label: 'Account', roles: EVERYONE },
  // The server answers 404 for an agent outside the caller's scope; the page says so.
  agent: { path: '/agents/:id', label: 'Agent', roles: EVERYONE },
  // A team leader's agents; the server answers 404 for a team outside the caller's scope.
  team: { path: '/teams/:teamLeaderId', label: 'Team', roles: ['ADMIN', 'MANAGER'] },
  // Coaching sessions: a week of them, scheduling one, one session (the server answers 404
  // outside the caller's scope), and an agent's own.
  sessions: { path: '/sessions', label: 'Sessions', roles: PEOPLE_MANAGERS },
  scheduleSession: { path: '/sessions/new', label: 'Schedule a session', roles: PEOPLE_MANAGERS },
  session: { path: '/sessions/:id', label: 'Session', roles: EVERYONE },
  mySessions: { path: '/my-sessions', label: 'My sessions', roles: ['AGENT'] },
  // Quick notes: read by team leaders (their agents), managers (their teams) and admins;
  // written by team leaders and admins. Agents never see them (the server answers 403).
  notes: { path: '/notes', label: 'Notes', roles: PEOPLE_MANAGERS },
  newNote: { path: '/notes/new', label: 'Quick note', roles: ['ADMIN', 'TEAM_LEADER'] },
} as const satisfies Record<string, PageInfo>;

export type PageKey = keyof typeof PAGES;

/** The header's links, in order. */
const NAVIGATION: readonly PageKey[] = [
  'home',
  'sessions',
  'mySessions',
  'newNote',
  'notes',
  'people',
  'imports',
  'jobs',
  'audit',
  'settings',
];

export function mayOpen(role: Role, page: PageKey): boolean {
  return (PAGES[page].roles as readonly Role[]).includes(role);
}

/** The navigation links a role sees: only pages it may open. */
export function navigationFor(role: Role): PageInfo[] {
  return NAVIGATION.filter((key) => mayOpen(role, key)).map((key) => PAGES[key]);
}

/** A page key carried in a route's `handle`, for the role check. */
export interface PageHandle {
  page: PageKey;
}

export function isPageHandle(handle: unknown): handle is PageHandle {
  return (
    typeof handle === 'object' &&
    handle !== null &&
    'page' in handle &&
    typeof (handle as { page: unknown }).page === 'string' &&
    Object.hasOwn(PAGES, (handle as { page: string }).page)
  );
}
