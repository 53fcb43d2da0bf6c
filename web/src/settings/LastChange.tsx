import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Settings } from '../api/types';
import { usePerson } from '../users/hooks';
import { formatMoment } from '../users/format';

/** When the time zone was last set, and by whom (a user's name, resolved from their id). */
export function LastChange({ settings }: { settings: Settings }) {
  const by = usePerson(settings.updated_by);
  if (!settings.updated_at) {
    return (
      <p className="muted">
        Never changed here: the zone comes from the server's configuration (COACH_TIMEZONE), else
        UTC.
      </p>
    );
  }
  let who: ReactNode = 'outside the app';
  if (settings.updated_by) {
    who = by.data ? (
      <Link to={`/people/${encodeURIComponent(by.data.id)}`}>{by.data.name}</Link>
    ) : by.isError ? (
      'a user who is no longer listed'
    ) : (
      'someone (loading their name…)'
    );
  }
  return (
    <p>
      Last changed <time dateTime={settings.updated_at}>{formatMoment(settings.updated_at)}</time>{' '}
      by {who}.
    </p>
  );
}
