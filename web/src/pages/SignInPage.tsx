import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../app/signInPath';
import { useMe } from '../auth/useMe';
import { useSignIn } from '../auth/useSignIn';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/FormField';
import { PageHeader } from '../components/PageHeader';
import { useCountdown } from '../components/useCountdown';
import { formatWait } from '../format/duration';
import { signInErrorMessage } from './signInError';

/** "/sign-in?next=/people": signs in, then goes to `next` (a path of this app) or home. */
export function SignInPage() {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.data) return <Navigate to={safeNextPath(params.get('next'))} replace />;
  return <SignInForm />;
}

function SignInForm() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [secondsLeft, startCountdown] = useCountdown();

  const error = signIn.error;
  const blocked = secondsLeft > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked || signIn.isPending) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onError: (e) => {
          if (e.status === 429 && e.retryAfter !== null) startCountdown(e.retryAfter);
          if (e.status === 401) setPassword('');
        },
      },
    );
  }

  return (
    <main className="signin">
      <div className="signin-card card">
        <div className="signin-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            C
          </span>
          <PageHeader title="Sign in to Coach" />
          <p className="muted">Coaching and performance for your contact center.</p>
        </div>

        {error && (
          <ErrorAlert>
            <p>{signInErrorMessage(error)}</p>
            {error.status === 429 && error.retryAfter !== null && (
              <p>
                {blocked
                  ? `You can try again in ${formatWait(secondsLeft)}.`
                  : 'You can try again now.'}
              </p>
            )}
          </ErrorAlert>
        )}

        <form className="form" onSubmit={onSubmit}>
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={error?.fieldMessage('email')}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={error?.fieldMessage('password')}
          />
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={signIn.isPending || blocked}
          >
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
