import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportLinks } from '../components/ExportLinks';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { formatDay } from '../teams/dates';
import { useTeamDashboard } from '../teams/queries';
import { TeamAgentsTable } from '../teams/TeamAgentsTable';

/** Answers that mean "no such team for you": out of scope (404, 403) or not an id at all (400). */
function isNotFound(error: unknown): boolean {
  return isApiError(error) && [400, 403, 404].includes(error.status);
}

function BackHome() {
  const { role } = useCurrentUser();
  return (
    <p>
      <Link to="/">{role === 'MANAGER' ? '← Back to your teams' : '← Back to the home page'}</Link>
    </p>
  );
}

/** "/teams/:teamLeaderId": a team leader's agents, most urgent first. */
export function TeamPage() {
  const { teamLeaderId = '' } = useParams();
  const team = useTeamDashboard(teamLeaderId);

  if (team.isPending)
    return (
      <>
        <PageHeader title="Team" />
        <LoadingState label="Loading the team…" />
      </>
    );

  if (team.isError) {
    if (isNotFound(team.error))
      return (
        <>
          <PageHeader
            title="Team not found"
            description="There is no team at this address, or it is not one of your teams."
          />
          <BackHome />
        </>
      );
    return (
      <>
        <PageHeader title="Team" />
        <ErrorAlert
          title="Could not load the team"
          action={
            <button type="button" className="button button-secondary" onClick={() => team.refetch()}>
              Try again
            </button>
          }
        >
          {team.error.message}
        </ErrorAlert>
        <BackHome />
      </>
    );
  }

  const { team_leader, agents, as_of } = team.data;
  const title = `${team_leader.name}’s team`;
  return (
    <>
      <BackHome />
      <PageHeader
        title={title}
        description={`Agents by coaching urgency, most urgent first. Figures as of ${formatDay(as_of)}.`}
      />
      <section className="card" aria-label={`Agents of ${team_leader.name}`}>
        <div className="card-header">
          <p className="muted">{agents.length === 1 ? '1 agent' : `${agents.length} agents`}</p>
          <ExportLinks href={`/api/v1/teams/${encodeURIComponent(teamLeaderId)}/dashboard/export`} what="this team's queue" />
        </div>
        {agents.length === 0 ? (
          <p className="muted">This team has no agents yet.</p>
        ) : (
          <TeamAgentsTable agents={agents} caption={`Agents of ${team_leader.name}, most urgent first`} />
        )}
      </section>
    </>
  );
}
