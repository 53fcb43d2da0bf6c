import { Outlet } from 'react-router';
import { useMe, useRecheckMeWhenOnline } from '../auth/useMe';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';

/** Every route waits for the first "who am I" answer (signed in, signed out, or an error). */
export function Root() {
  const me = useMe();
  useRecheckMeWhenOnline();
  if (me.data !== undefined) return <Outlet />;
  if (me.isError) {
    return (
      <main className="page page-narrow page-center">
        <ErrorAlert
          title="Coach is not available right now"
          action={
            <button type="button" className="button button-secondary" onClick={() => me.refetch()}>
              Try again
            </button>
          }
        >
          {me.error.message}
        </ErrorAlert>
      </main>
    );
  }
  return <AppLoading />;
}

export function AppLoading() {
  return (
    <main className="page page-narrow page-center">
      <LoadingState />
    </main>
  );
}
