import { diffJson, formatValue, type DiffKind, type DiffLine } from './diff';

const KIND_WORDS: Record<DiffKind, string> = {
  added: 'Added',
  removed: 'Removed',
  changed: 'Changed',
};

/** More lines than this are folded behind a "Show" toggle (a creation lists every field). */
const FOLD_AFTER = 6;

interface Props {
  before: unknown;
  after: unknown;
  /** Names for ids (team leaders, managers): shown beside an id value. */
  names?: ReadonlyMap<string, string>;
}

function Value({ value, names }: { value: unknown; names?: ReadonlyMap<string, string> }) {
  const name = typeof value === 'string' ? names?.get(value) : undefined;
  return (
    <code className="audit-value">
      {formatValue(value)}
      {name && <span className="audit-value-name"> ({name})</span>}
    </code>
  );
}

function Line({ line, names }: { line: DiffLine; names?: ReadonlyMap<string, string> }) {
  return (
    <li className={`audit-diff-line audit-diff-${line.kind}`}>
      <span className="audit-diff-kind">{KIND_WORDS[line.kind]}</span>{' '}
      {line.key && <span className="audit-diff-key">{line.key}</span>}
      {line.key && ': '}
      {line.kind === 'changed' && (
        <>
          <Value value={line.before} names={names} />
          <span className="audit-arrow" aria-hidden="true">
            {' → '}
          </span>
          <span className="visually-hidden"> to </span>
          <Value value={line.after} names={names} />
        </>
      )}
      {line.kind === 'added' && <Value value={line.after} names={names} />}
      {line.kind === 'removed' && (
        <>
          was <Value value={line.before} names={names} />
        </>
      )}
    </li>
  );
}

/** The keys an entry changed, each with its old -> new value, in words as well as colour. */
export function AuditDiff({ before, after, names }: Props) {
  const lines = diffJson(before, after);
  if (lines.length === 0) return <p className="muted">No recorded change of values.</p>;
  const list = (
    <ul className="audit-diff">
      {lines.map((line) => (
        <Line key={`${line.kind}:${line.key}`} line={line} names={names} />
      ))}
    </ul>
  );
  if (lines.length <= FOLD_AFTER) return list;
  const counts = (['changed', 'added', 'removed'] as const)
    .map((kind) => [kind, lines.filter((l) => l.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return (
    <details className="audit-diff-fold">
      <summary>{`${lines.length} fields (${counts})`}</summary>
      {list}
    </details>
  );
}
