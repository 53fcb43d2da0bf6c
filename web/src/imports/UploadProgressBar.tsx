import type { UploadProgress } from './upload';
import { formatBytes } from './format';

interface Props {
  phase: 'uploading' | 'processing';
  progress: UploadProgress | null;
  fileName: string;
}

/**
 * The upload's progress bar while the bytes go up, then an indeterminate bar while the server
 * reads and loads the file (it answers only when the import has ended). The phase is said in
 * the form's live region; the bar carries the numbers.
 */
export function UploadProgressBar({ phase, progress, fileName }: Props) {
  if (phase === 'processing') {
    return (
      <div className="upload-progress">
        <progress className="progress" aria-label={`Processing ${fileName}`} />
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

/** The sentence for the live region. */
export function uploadPhaseText(phase: 'uploading' | 'processing', fileName: string): string {
  return phase === 'processing'
    ? `Uploaded. The server is checking and importing ${fileName}; the report opens when it is done.`
    : `Uploading ${fileName}…`;
}
