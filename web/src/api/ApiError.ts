export interface ApiErrorDetail {
  field: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: ApiErrorDetail[];
  retryAfter?: number | null;
  /** The parsed JSON body of the error answer (e.g. a 409's error.current). */
  body?: unknown;
  /** The answer's ETag header (a stale write's 409 names the current version), or null. */
  etag?: string | null;
}

/**
 * A failed API call. `status` is the HTTP status, or 0 when the server could not be reached.
 * `retryAfter` is the Retry-After header in whole seconds (429 and 503), else null.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly retryAfter: number | null;
  readonly body: unknown;
  readonly etag: string | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.body = init.body;
    this.etag = init.etag ?? null;
  }

  /** The message for one request field, if the server reported one. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field)?.message;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
