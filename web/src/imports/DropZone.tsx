import { useId, useRef, useState, type DragEvent } from 'react';
import { formatBytes } from './format';

export const ACCEPTED_FILES =
  '.csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  file: File | null;
  onFile: (file: File) => void;
  /** The file's problem (ours or the server's), shown under the zone. */
  error?: string | null;
  disabled?: boolean;
}

/**
 * Where the file goes: dropped onto the zone, or picked with the "Choose file" button (the
 * keyboard way; the file input itself stays hidden).
 */
export function DropZone({ file, onFile, error, disabled = false }: Props) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  function onDragOver(event: DragEvent<HTMLDivElement>) {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  }

  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        File
      </span>
      <div
        role="group"
        aria-labelledby={labelId}
        aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(' ')}
        className="drop-zone"
        data-over={over || undefined}
        data-invalid={error ? true : undefined}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span className="drop-zone-icon" aria-hidden="true">
          ⇪
        </span>
        {file ? (
          <p className="drop-zone-file">
            <span className="drop-zone-name">{file.name}</span>{' '}
            <span className="muted">({formatBytes(file.size)})</span>
          </p>
        ) : (
          <p>Drag a CSV or XLSX file here, or</p>
        )}
        <button
          type="button"
          className="button button-secondary"
          onClick={() => inputRef.current?.click()}
          disabled={disabled}
        >
          {file ? 'Choose another file' : 'Choose file'}
        </button>
        <input
          ref={inputRef}
          type="file"
          accept={ACCEPTED_FILES}
          hidden
          tabIndex={-1}
          aria-labelledby={labelId}
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (picked) onFile(picked);
            // Picking the same file again after a change still fires onChange.
            e.target.value = '';
          }}
        />
      </div>
      <p className="field-hint" id={hintId}>
        CSV (comma, semicolon or tab separated; UTF-8 or Windows-1252) or an Excel workbook
        (.xlsx), at most 50 MB. The first row names the columns.
      </p>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
