import { ErrorAlert } from '../components/ErrorAlert';
import { ExportLinks } from '../components/ExportLinks';
import { LoadingState } from '../components/LoadingState';
import { formatDay } from './dates';
import { LevelLegend } from './LevelLegend';
import { useManagerHome } from './queries';
import { TeamMatrix } from './TeamMatrix';

const HEADING_ID = 'teams-matrix-heading';

/** The manager's teams by metric, with its loading, empty and error states. */
export function TeamMatrixSection() {
  const home = useManagerHome();
  return (
    <section className="card" aria-labelledby={HEADING_ID}>
      <div className="card-header">
        <h2 id={HEADING_ID}>Your teams</h2>
        {home.isSuccess && home.data.as_of && (
          <p className="muted">Last 30 days, as of {formatDay(home.data.as_of)}</p>
        )}
        <ExportLinks href="/api/v1/team-performance-summary/export" what="your teams' daily summary" />
      </div>
      {home.isPending && <LoadingState label="Loading your teams…" />}
      {home.isError && (
        <ErrorAlert
          title="Could not load your teams"
          action={
            <button type="button" className="button button-secondary" onClick={() => home.refetch()}>
              Try again
            </button>
          }
        >
          {home.error.message}
        </ErrorAlert>
      )}
      {home.isSuccess &&
        (home.data.teams.length === 0 ? (
          <p className="muted">
            You have no teams yet. Team leaders appear here once an administrator assigns them to
            you.
          </p>
        ) : (
          <>
            <TeamMatrix teams={home.data.teams} caption="Your teams by metric" />
            <div className="card-body">
              <LevelLegend />
            </div>
          </>
        ))}
    </section>
  );
}
