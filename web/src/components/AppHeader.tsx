import type { User } from '../api/types';
import { useSignOut } from '../auth/useSignOut';
import { roleLabel } from '../format/labels';
import { ErrorAlert } from './ErrorAlert';

export function AppHeader({ user }: { user: User }) {
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            C
          </span>
          Coach
        </span>
        <div className="whoami" aria-label="Signed in user">
          <span className="whoami-name">{user.name}</span>
          <span className="whoami-role">{roleLabel(user.role)}</span>
        </div>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          {signOut.isPending ? 'Signing out…' : 'Sign out'}
        </button>
      </div>
      {signOut.isError && signOut.error.status !== 401 && (
        <div className="app-header-error">
          <ErrorAlert title="Could not sign out">{signOut.error.message}</ErrorAlert>
        </div>
      )}
    </header>
  );
}
