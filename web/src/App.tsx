import { useMe } from './auth/useMe';
import { AppHeader } from './components/AppHeader';
import { ErrorAlert } from './components/ErrorAlert';
import { LoadingState } from './components/LoadingState';
import { HomePage } from './pages/HomePage';
import { SignInPage } from './pages/SignInPage';

export function App() {
  const me = useMe();

  if (me.data === null) return <SignInPage />;
  if (me.data) {
    return (
      <>
        <AppHeader user={me.data} />
        <HomePage user={me.data} />
      </>
    );
  }
  if (me.isError) {
    return (
      <main className="page page-center">
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
  return (
    <main className="page page-center">
      <LoadingState />
    </main>
  );
}
