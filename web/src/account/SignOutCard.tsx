import { useId } from 'react';
import { useSignOut, useSignOutEverywhere } from '../auth/useSignOut';
import { ErrorAlert } from '../components/ErrorAlert';

/** Sign out here, or end every session of the account on every device. */
export function SignOutCard() {
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  const headingId = useId();
  const busy = signOut.isPending || everywhere.isPending;
  // A 401 means the session had already ended: the app is on its way to sign-in anyway.
  const failed = [signOut.error, everywhere.error].find((e) => e && e.status !== 401);

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>Sign out</h2>
      </div>
      <div className="card-body stack">
        <p>
          Sign out on this device, or everywhere you are signed in (every browser, phone and app),
          for example after using a shared computer or losing a phone.
        </p>
        {failed && <ErrorAlert title="Could not sign out">{failed.message}</ErrorAlert>}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => {
              everywhere.reset();
              signOut.mutate();
            }}
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            onClick={() => {
              signOut.reset();
              everywhere.mutate();
            }}
          >
            {everywhere.isPending ? 'Signing out everywhere…' : 'Sign out everywhere'}
          </button>
        </div>
      </div>
    </section>
  );
}
