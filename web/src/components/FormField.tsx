import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What a form control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * A field error for people. The server reports fragments ("is incorrect", "must not be
 * empty") that read after the field's name, or whole sentences ("The password must be at
 * least 10 characters long."), which stand alone.
 */
export function fieldErrorText(label: string, message: string): string {
  const m = message.trim();
  return /^[a-z]/.test(m) ? `${label} ${m}` : m;
}

interface FormFieldProps {
  label: string;
  /** The error for this field (from the server's error.details, or the form's own check). */
  error?: string | null | undefined;
  /** Help shown under the control at all times. */
  hint?: ReactNode;
  /** Renders the control with the given id and ARIA attributes spread onto it. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A labelled form field that shows its error next to the control: the control is
 * aria-invalid and described by the error (and the hint), so screen readers read both.
 */
export function FormField({ label, error, hint, children }: FormFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  const control: FieldControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {fieldErrorText(label, error)}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

interface TextFieldProps extends InputProps {
  label: string;
  error?: string | null | undefined;
  hint?: ReactNode;
}

/** A FormField with an <input>. */
export function TextField({ label, error, hint, ...input }: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(control) => <input {...input} {...control} />}
    </FormField>
  );
}
