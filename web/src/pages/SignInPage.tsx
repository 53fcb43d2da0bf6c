import { useId, useState, type FormEvent } from 'react';
import { useSignIn } from '../auth/useSignIn';
import { ErrorAlert } from '../components/ErrorAlert';
import { useCountdown } from '../components/useCountdown';
import { formatWait } from '../format/duration';
import { signInErrorMessage } from './signInError';

export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(blockedUntil);
  const ids = { email: useId(), password: useId(), emailError: useId(), passwordError: useId() };

  const error = signIn.error;
  const emailError = error?.fieldMessage('email');
  const passwordError = error?.fieldMessage('password');
  const blocked = secondsLeft > 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (blocked || signIn.isPending) return;
    signIn.mutate(
      { email: email.trim(), password },
      {
        onError: (e) => {
          if (e.status === 429 && e.retryAfter !== null)
            setBlockedUntil(Date.now() + e.retryAfter * 1000);
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
          <h1>Sign in to Coach</h1>
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

        <form className="form" onSubmit={onSubmit} noValidate={false}>
          <div className="field">
            <label htmlFor={ids.email}>Email</label>
            <input
              id={ids.email}
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={emailError ? true : undefined}
              aria-describedby={emailError ? ids.emailError : undefined}
            />
            {emailError && (
              <p className="field-error" id={ids.emailError}>
                Email {emailError}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={ids.password}>Password</label>
            <input
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? ids.passwordError : undefined}
            />
            {passwordError && (
              <p className="field-error" id={ids.passwordError}>
                Password {passwordError}
              </p>
            )}
          </div>
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
