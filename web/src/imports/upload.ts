// Uploading an import file. fetch cannot report upload progress, so this one call goes through
// XMLHttpRequest; otherwise it behaves like the API client (src/api/client.ts): same-origin
// cookie, X-CSRF-Token on the write, an error answer becomes an ApiError (toApiError).
import { ApiError, NETWORK_ERROR_MESSAGE, toApiError } from '../api/client';
import { getCsrfToken } from '../api/csrf';
import type { ImportLog, ImportType } from '../api/types';

export const UPLOAD_URL = '/api/v1/imports';
/** The server's upload limit (http::kUploadBodyLimit). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface UploadOptions {
  type: ImportType;
  mode: 'strict' | 'partial';
  dryRun: boolean;
  /** Import a file that was already imported (the server answers 409 otherwise). */
  force?: boolean;
}

export interface UploadProgress {
  loaded: number;
  /** null when the browser cannot tell the size. */
  total: number | null;
}

export interface UploadDeps {
  createXhr: () => XMLHttpRequest;
  csrfToken: () => string | null;
  now: () => number;
}

const defaultDeps: UploadDeps = {
  createXhr: () => new XMLHttpRequest(),
  csrfToken: getCsrfToken,
  now: () => Date.now(),
};

export function isXlsxName(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

/** The file_name= an upload sends for a file of this name ("" sends none). */
export function uploadUrlFileName(fileName: string): string {
  return fileName.slice(0, 255);
}

/** The query string of an upload: type, mode, dry_run, force and the file's name. */
export function uploadUrl(fileName: string, options: UploadOptions): string {
  const query = new URLSearchParams({
    type: options.type,
    mode: options.mode,
    dry_run: options.dryRun ? 'true' : 'false',
  });
  if (options.force) query.set('force', 'true');
  const name = uploadUrlFileName(fileName);
  if (name !== '') query.set('file_name', name);
  return `${UPLOAD_URL}?${query.toString()}`;
}

/** The XHR's answer as a fetch Response, so toApiError reads it like the API client does. */
function asResponse(xhr: XMLHttpRequest): Response {
  const headers = new Headers();
  for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  // A null-body status (204, 304) must not carry a body in a Response.
  const body = xhr.status === 204 || xhr.status === 304 ? null : xhr.responseText;
  return new Response(body, { status: xhr.status, headers });
}

/**
 * Sends `file` as the raw request body (the server tells CSV from XLSX by the content) and
 * resolves with the import's log once the server has finished the import. `onProgress` follows
 * the upload of the bytes; after the last byte the server still works, without progress.
 */
export function uploadImport(
  file: Blob & { name?: string },
  options: UploadOptions,
  callbacks: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal } = {},
  deps: UploadDeps = defaultDeps,
): Promise<ImportLog> {
  const { onProgress, signal } = callbacks;
  return new Promise<ImportLog>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
      return;
    }
    const xhr = deps.createXhr();
    const name = file.name ?? '';
    xhr.open('POST', uploadUrl(name, options));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', isXlsxName(name) ? XLSX_TYPE : 'text/csv');
    const token = deps.csrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);

    xhr.upload.onprogress = (e: ProgressEvent) => {
      onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
    };
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);

    xhr.onload = () => {
      done();
      const response = asResponse(xhr);
      if (!response.ok) {
        void toApiError(response, deps.now()).then(reject, reject);
        return;
      }
      response
        .json()
        .then((body: unknown) => resolve(body as ImportLog))
        .catch(() =>
          reject(
            new ApiError({
              status: xhr.status,
              code: 'invalid_response',
              message: 'The server answered with something that is not an import report.',
            }),
          ),
        );
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError({ status: 0, code: 'network_error', message: NETWORK_ERROR_MESSAGE }));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    xhr.send(file);
  });
}
