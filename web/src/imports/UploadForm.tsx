import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { ImportType } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { fieldErrorText } from '../components/FormField';
import { formatWait } from '../format/duration';
import { humanizeEnum } from '../format/labels';
import { DropZone } from './DropZone';
import { useUpload } from './hooks';
import { IMPORT_TYPES } from './labels';
import { MAX_UPLOAD_BYTES, type UploadOptions } from './upload';
import { UploadProgressBar, uploadPhaseText } from './UploadProgressBar';

const ACCEPTED_NAME = /\.(csv|tsv|txt|xlsx)$/i;

/** Our own check of a picked file; the server checks the content. */
export function fileProblem(file: File): string | null {
  if (!ACCEPTED_NAME.test(file.name)) return 'Choose a CSV (.csv) or Excel (.xlsx) file.';
  if (file.size === 0) return 'The file is empty.';
  if (file.size > MAX_UPLOAD_BYTES) return 'The file is larger than 50 MB, the most one import takes.';
  return null;
}

/** The upload form: the file, what it holds, how to import it; then the progress. */
export function UploadForm() {
  const navigate = useNavigate();
  const { upload, progress, phase, server } = useUpload();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [type, setType] = useState<ImportType>('METRICS');
  const [mode, setMode] = useState<UploadOptions['mode']>('strict');
  const [dryRun, setDryRun] = useState(false);
  const headingId = useId();
  const typeHintId = useId();

  const error = upload.error;
  const serverFileError = error?.status !== 409 ? error?.fieldMessage('file') : undefined;
  const duplicate = error?.status === 409 && error.details.some((d) => d.field === 'file');
  const otherDetails = (error?.details ?? []).filter((d) => d.field !== 'file');

  function pick(next: File) {
    upload.reset();
    setFile(next);
    setFileError(fileProblem(next));
  }

  function send(force: boolean) {
    if (!file || upload.isPending) return;
    upload.mutate(
      { file, options: { type, mode, dryRun, force } },
      { onSuccess: (log) => void navigate(`/imports/${encodeURIComponent(log.id)}`) },
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setFileError('Choose a file to import.');
      return;
    }
    if (fileError) return;
    send(false);
  }

  const busy = upload.isPending;
  const shownPhase = phase === 'processing' ? 'processing' : 'uploading';
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId}>Upload a file</h2>
      </div>
      <form className="card-body upload-form" onSubmit={onSubmit} noValidate>
        <DropZone
          file={file}
          onFile={pick}
          disabled={busy}
          error={fileError ?? (serverFileError ? fieldErrorText('The file', serverFileError) : null)}
        />

        <fieldset className="choice-group" disabled={busy}>
          <legend>What the file holds</legend>
          <div className="choice-list">
            {IMPORT_TYPES.map((t) => (
              <label key={t.type} className="choice">
                <input
                  type="radio"
                  name="import-type"
                  value={t.type}
                  checked={type === t.type}
                  onChange={() => setType(t.type)}
                  aria-describedby={`${typeHintId}-${t.type}`}
                />
                <span className="choice-text">
                  <span className="choice-label">{t.label}</span>
                  <span className="choice-hint" id={`${typeHintId}-${t.type}`}>
                    {t.description}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="choice-group" disabled={busy}>
          <legend>When some rows have errors</legend>
          <div className="choice-list choice-list-inline">
            <label className="choice">
              <input
                type="radio"
                name="import-mode"
                value="strict"
                checked={mode === 'strict'}
                onChange={() => setMode('strict')}
              />
              <span className="choice-text">
                <span className="choice-label">Load nothing</span>
                <span className="choice-hint">Strict: the file loads only when every row is valid.</span>
              </span>
            </label>
            <label className="choice">
              <input
                type="radio"
                name="import-mode"
                value="partial"
                checked={mode === 'partial'}
                onChange={() => setMode('partial')}
              />
              <span className="choice-text">
                <span className="choice-label">Load the valid rows</span>
                <span className="choice-hint">Partial: rows with errors are skipped and reported.</span>
              </span>
            </label>
          </div>
        </fieldset>

        <label className="checkbox">
          <input
            type="checkbox"
            checked={dryRun}
            onChange={(e) => setDryRun(e.target.checked)}
            disabled={busy}
          />
          <span>
            Dry run <span className="muted">— check the file and count what would change; store nothing</span>
          </span>
        </label>

        {error && (
          <ErrorAlert
            title={duplicate ? 'This file was already imported' : 'The file was not imported'}
            action={
              duplicate ? (
                <button type="button" className="button button-secondary" onClick={() => send(true)}>
                  Import it again anyway
                </button>
              ) : undefined
            }
          >
            {!serverFileError && <p>{error.message}</p>}
            {serverFileError && <p>Check the file marked above.</p>}
            {error.retryAfter !== null && <p>Try again in {formatWait(error.retryAfter)}.</p>}
            {otherDetails.map((d) => (
              <p key={`${d.field}:${d.message}`}>
                {d.field ? fieldErrorText(humanizeEnum(d.field), d.message) : d.message}
              </p>
            ))}
          </ErrorAlert>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Importing…' : dryRun ? 'Check the file' : 'Upload and import'}
          </button>
        </div>

        {busy && file && (
          <UploadProgressBar phase={shownPhase} progress={progress} fileName={file.name} server={server} />
        )}
        <p role="status" aria-live="polite" className="upload-phase">
          {busy && file ? uploadPhaseText(shownPhase, file.name, server) : ''}
        </p>
      </form>
    </section>
  );
}
