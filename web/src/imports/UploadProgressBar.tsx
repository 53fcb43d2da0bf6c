import type { UploadProgress } from './upload';
import { formatBytes } from './format';
import { serverProgressText, type ServerProgress } from './serverProgress';

interface Props {
  phase: 'uploading' | 'processing';
  progress: UploadProgress | null;
  fileName: string;
  /** While processing: how far the server got, once its log of the import has been read. */
  server?: ServerProgress | null;
}

/**
 * The upload's progress bar while the bytes go up, then, while the server reads and loads the
 * file (the upload answers only when the import has ended), a bar that says the rows the server
 * has read so far (its log, polled). The server's row count is not known before the file has
 * been read, so that bar has no end: its value is said in words (aria-valuetext). The phase is
 * said in the form's live region; the bar carries the numbers.
 */
export function UploadProgressBar({ phase, progress, fileName, server = null }: Props) {
  if (phase === 'processing') {
    const text = server ? serverProgressText(server) : null;
    return (
      <div className="upload-progress">
        <progress
          className="progress"
          aria-label={`Processing ${fileName}`}
          {...(text === null ? {} : { 'aria-valuetext': text })}
        />
        {text !== null && (
          <p className="muted" aria-hidden="true">
            {text}
          </p>
        )}
      </div>
    );
  }
  const total = progress?.total ?? null;
  const loaded = progress?.loaded ?? 0;
  const percent = total ? Math.min(100, Math.round((loaded / total) * 100)) : null;
  return (
    <div className="upload-progress">
      <progress
        className="progress"
        aria-label={`Uploading ${fileName}`}
        max={100}
        {...(percent === null ? {} : { value: percent })}
      />
      <p className="muted" aria-hidden="true">
        {percent === null ? formatBytes(loaded) : `${percent}%`}
        {total ? ` of ${formatBytes(total)}` : ''}
      </p>
    </div>
  );
}

/**
 * The sentence for the live region: the phase, and on the server the step it is at (reading
 * the file, then loading the rows), not each new count (the bar has that).
 */
export function uploadPhaseText(
  phase: 'uploading' | 'processing',
  fileName: string,
  server: ServerProgress | null = null,
): string {
  if (phase === 'uploading') return `Uploading ${fileName}…`;
  if (server?.status === 'PROCESSING') {
    return `The server has read ${fileName} and is loading its valid rows; the report opens when it is done.`;
  }
  if (server?.status === 'VALIDATING') {
    return `Uploaded. The server is reading ${fileName}; the report opens when it is done.`;
  }
  return `Uploaded. The server is checking and importing ${fileName}; the report opens when it is done.`;
}
