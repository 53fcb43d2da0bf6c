import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useChangePassword } from '../auth/useChangePassword';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldErrorText, TextField } from '../components/FormField';
import { humanizeEnum } from '../format/labels';

const FIELD_LABELS: Record<string, string> = {
  current_password: 'Current password',
  new_password: 'New password',
};

export const PASSWORDS_DIFFER = 'The two new passwords are not the same.';

/** PUT /api/v1/auth/password, with the server's field errors shown next to their fields. */
export function ChangePasswordForm({ email }: { email: string }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  const error = change.error;
  const currentError = error?.fieldMessage('current_password');
  const nextError = error?.fieldMessage('new_password');
  // Errors the form has no field for still get said (in the summary).
  const otherErrors = (error?.details ?? []).filter((d) => !Object.hasOwn(FIELD_LABELS, d.field));

  // After a refusal, the first field to fix gets the focus.
  useEffect(() => {
    if (!error && !repeatError) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error, repeatError]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    if (next !== repeat) {
      change.reset();
      setRepeatError(PASSWORDS_DIFFER);
      return;
    }
    setRepeatError(null);
    change.mutate(
      { current_password: current, new_password: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setRepeat('');
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>Change password</h2>
      </div>
      <form ref={formRef} className="form card-body" onSubmit={onSubmit}>
        {error && (
          <ErrorAlert title="Your password was not changed">
            {currentError || nextError ? (
              <p>Check the fields marked below.</p>
            ) : (
              otherErrors.length === 0 && <p>{error.message}</p>
            )}
            {otherErrors.map((d) => (
              <p key={`${d.field}:${d.message}`}>
                {d.field ? fieldErrorText(humanizeEnum(d.field), d.message) : d.message}
              </p>
            ))}
          </ErrorAlert>
        )}
        {/* For password managers: whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label="Current password"
          name="current_password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={currentError}
        />
        <TextField
          label="New password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={nextError}
          hint="At least 10 characters, and not your email address."
        />
        <TextField
          label="Repeat new password"
          name="repeat_password"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          error={repeatError}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {change.isPending ? 'Changing password…' : 'Change password'}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {change.isSuccess && (
            <p className="alert alert-success">
              Your password has been changed. Your other sessions have been signed out.
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
