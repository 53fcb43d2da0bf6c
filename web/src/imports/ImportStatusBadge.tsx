import type { ImportStatus } from '../api/types';
import { importStatusLabel } from './labels';

/** The status in words (the colour only repeats it). */
export function ImportStatusBadge({ status, dryRun = false }: { status: ImportStatus; dryRun?: boolean }) {
  return (
    <span className="import-status">
      <span className={`badge import-badge import-badge-${status.toLowerCase()}`}>
        {importStatusLabel(status)}
      </span>
      {dryRun && <span className="badge import-badge-dry-run">Dry run</span>}
    </span>
  );
}
