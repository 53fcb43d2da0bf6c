import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { RouterProvider as AriaRouterProvider } from 'react-aria-components';
import { Link, Outlet, useHref, useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/useMe';
import { useSignOut } from '../auth/useSignOut';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotificationBell } from '../notifications/NotificationBell';
import { MainNav } from './MainNav';

const NAV_ID = 'main-nav';

// The account menu (React Aria's menu, most of that library's weight) loads after the page it
// sits on: the first load of a page stays within its budget (bench/web/bundle-size.mjs).
const AccountMenu = lazy(() => import('./AccountMenu').then((m) => ({ default: m.AccountMenu })));

/**
 * The frame of every page but sign-in: a header with the role's navigation (a menu button on
 * narrow screens) and the account menu, then the page in <main>. Signed out (a page that is
 * not found), the header only offers to sign in.
 */
export function AppLayout() {
  const user = useMe().data ?? null;
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  // The narrow-screen navigation is open for the location it was opened at: any navigation
  // closes it.
  const [navOpenAt, setNavOpenAt] = useState<string | null>(null);
  const navOpen = navOpenAt === location.key;
  const toggleRef = useRef<HTMLButtonElement>(null);
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // A new page moves the focus to it, so keyboard and screen reader users start at its top.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  function onHeaderKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && navOpen) {
      setNavOpenAt(null);
      toggleRef.current?.focus();
    }
  }

  return (
    <AriaRouterProvider navigate={(to) => void navigate(to)} useHref={useHref}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header" onKeyDown={onHeaderKeyDown}>
        <div className="app-header-inner">
          {user && (
            <button
              ref={toggleRef}
              type="button"
              className="button button-secondary nav-toggle"
              aria-expanded={navOpen}
              aria-controls={NAV_ID}
              onClick={() => setNavOpenAt(navOpen ? null : location.key)}
            >
              <span className="nav-toggle-icon" aria-hidden="true" />
              Menu
            </button>
          )}
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              C
            </span>
            Coach
          </Link>
          {user && <MainNav id={NAV_ID} role={user.role} open={navOpen} />}
          <div className="header-end">
            {user && <NotificationBell />}
            {user ? (
              <Suspense fallback={<span className="account-button" aria-hidden="true" />}>
                <AccountMenu
                  user={user}
                  onSignOut={() => signOut.mutate()}
                  signingOut={signOut.isPending}
                />
              </Suspense>
            ) : (
              <Link to="/sign-in" className="button button-secondary">
                Sign in
              </Link>
            )}
          </div>
        </div>
        {signOut.isError && signOut.error.status !== 401 && (
          <div className="app-header-error">
            <ErrorAlert title="Could not sign out">{signOut.error.message}</ErrorAlert>
          </div>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Outlet />
      </main>
    </AriaRouterProvider>
  );
}
