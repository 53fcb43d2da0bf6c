import type { ApiError, ApiErrorDetail } from '../api/client';
import { fieldErrorText } from '../components/FormField';
import { ErrorAlert } from '../components/ErrorAlert';
import { humanizeEnum } from '../format/labels';

interface Props {
  title: string;
  error: ApiError;
  /** Field errors no control shows (the rest are next to their fields). */
  other?: ApiErrorDetail[];
  /** Shown when field errors are next to the fields. */
  fieldsNote?: boolean;
}

/** Why a write was refused: the server's message, and field errors that have no control here. */
export function FormErrorAlert({ title, error, other = [], fieldsNote }: Props) {
  return (
    <ErrorAlert title={title}>
      <p>{error.message}</p>
      {fieldsNote && error.details.length > other.length && <p>See the marked fields.</p>}
      {other.map((d) => (
        <p key={`${d.field}:${d.message}`}>
          {d.field ? fieldErrorText(humanizeEnum(d.field), d.message) : d.message}
        </p>
      ))}
    </ErrorAlert>
  );
}
