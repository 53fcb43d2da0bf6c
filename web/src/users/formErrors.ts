import type { ApiError, ApiErrorDetail } from '../api/client';

export interface SplitErrors {
  /** The first message for each field a form shows. */
  byField: Partial<Record<string, string>>;
  /** Details about fields the form does not show (said in the form's alert instead). */
  other: ApiErrorDetail[];
}

/** A refusal's field errors, split into those next to the form's fields and the rest. */
export function splitErrors(
  error: ApiError | null | undefined,
  shown: readonly string[],
): SplitErrors {
  const byField: Partial<Record<string, string>> = {};
  const other: ApiErrorDetail[] = [];
  for (const d of error?.details ?? []) {
    if (shown.includes(d.field)) byField[d.field] ??= d.message;
    else other.push(d);
  }
  return { byField, other };
}
