import { Link } from 'react-router';
import type { AuditEntry } from '../api/types';
import { formatMoment } from '../users/format';
import { AuditDiff } from './AuditDiff';
import { actionLabel, entityTypeLabel } from './labels';

interface Props {
  entry: AuditEntry;
  names?: ReadonlyMap<string, string>;
}

/** The name a users entry's before or after carries, if any. */
function personName(entry: AuditEntry): string | null {
  for (const side of [entry.after, entry.before]) {
    if (typeof side === 'object' && side !== null && 'name' in side) {
      const name = (side as { name: unknown }).name;
      if (typeof name === 'string' && name !== '') return name;
    }
  }
  return null;
}

function Entity({ entry }: { entry: AuditEntry }) {
  const type = entityTypeLabel(entry.entity_type);
  if (entry.entity_type === 'users' && entry.entity_id) {
    return (
      <>
        {type}:{' '}
        <Link to={`/people/${encodeURIComponent(entry.entity_id)}`}>
          {personName(entry) ?? entry.entity_id}
        </Link>
      </>
    );
  }
  return (
    <>
      {type}
      {entry.entity_id && (
        <>
          : <span className="mono">{entry.entity_id}</span>
        </>
      )}
    </>
  );
}

/** One entry: when, who (or the system), what and on what, and the values it changed. */
export function AuditEntryItem({ entry, names }: Props) {
  const headingId = `audit-${entry.id}`;
  return (
    <li className="audit-entry">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="audit-entry-title">
          {actionLabel(entry.action)} <span className="mono muted">{entry.action}</span>
        </h3>
        <dl className="audit-facts">
          <div>
            <dt>When</dt>
            <dd>
              <time dateTime={entry.created_at}>{formatMoment(entry.created_at)}</time>
            </dd>
          </div>
          <div>
            <dt>Who</dt>
            <dd>
              {entry.actor_id ? (
                <Link to={`/people/${encodeURIComponent(entry.actor_id)}`}>
                  {entry.actor_name ?? entry.actor_id}
                </Link>
              ) : (
                'System'
              )}
            </dd>
          </div>
          <div>
            <dt>Entity</dt>
            <dd>
              <Entity entry={entry} />
            </dd>
          </div>
          {entry.ip && (
            <div>
              <dt>From</dt>
              <dd className="mono">{entry.ip}</dd>
            </div>
          )}
        </dl>
        <AuditDiff before={entry.before} after={entry.after} names={names} />
      </article>
    </li>
  );
}
