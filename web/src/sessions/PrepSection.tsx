import type { CoachingSession } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime } from './dates';
import { usePrepareSession } from './hooks';
import {
  PrepActionItems,
  PrepAgenda,
  PrepAreas,
  PrepFigures,
  PrepLastSession,
  PrepMethods,
  PrepNotes,
  PrepProfile,
} from './PrepDetails';

interface Props {
  session: CoachingSession;
  /** The viewer may build the prep now (scheduled or in progress). */
  mayPrepare: boolean;
}

/**
 * The session's prep (POST /coaching-sessions/{id}/prep): a snapshot of the figures of the day
 * it was built, which "Prepare again" replaces. Shown to those who may read it (never agents:
 * the server sends them none).
 */
export function PrepSection({ session, mayPrepare }: Props) {
  const prepare = usePrepareSession(session.id);
  const prep = session.prep_data;
  if (!prep && !mayPrepare) return null;
  return (
    <section className="card" aria-labelledby="prep-heading">
      <div className="card-header card-header-wrap">
        <h2 id="prep-heading">Prep</h2>
        <p className="muted" role="status">
          {prep && `Built ${formatDateTime(prep.generated_at)}, from the figures of that day.`}
        </p>
      </div>
      <div className="card-body stack">
        {mayPrepare && (
          <div className="button-row">
            <button
              type="button"
              className={prep ? 'button button-secondary' : 'button button-primary'}
              onClick={() => prepare.mutate()}
              disabled={prepare.isPending}
            >
              {prepare.isPending ? 'Preparing…' : prep ? 'Prepare again' : 'Prepare'}
            </button>
          </div>
        )}
        {prepare.error && (
          <ErrorAlert title="The prep was not built">
            <p>{prepare.error.message}</p>
          </ErrorAlert>
        )}
        {prep ? (
          <>
            <PrepAgenda agenda={prep.agenda} />
            <PrepAreas prep={prep} />
            <PrepMethods suggested={prep.suggested_methods} />
            <PrepFigures snapshot={prep.metrics_snapshot} />
            <PrepNotes notes={prep.unaddressed_notes} />
            <PrepActionItems items={prep.action_items} />
            <PrepLastSession last={prep.last_session} />
            <PrepProfile hints={prep.profile_hints} />
          </>
        ) : (
          <p className="muted">
            No prep yet. Prepare builds an agenda for the planned {session.planned_minutes} minutes from the
            agent&apos;s last 30 days against the team and the month before, with the methods that worked,
            the open notes and action items, and how the agent likes to be coached.
          </p>
        )}
      </div>
    </section>
  );
}
