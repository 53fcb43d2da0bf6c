import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { ExportLinks } from '../components/ExportLinks';
import { LoadingState } from '../components/LoadingState';
import { formatDay } from '../format/performance';
import { adminKeys, fetchTeamSummary } from './adminApi';

const score = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** Every team's figures, computed when asked (averages: the day before as_of), each opening its team's page. */
export function TeamSummaryTable() {
  const teams = useQuery({ queryKey: adminKeys.teamSummary(), queryFn: ({ signal }) => fetchTeamSummary(signal) });
  return (
    <section className="card" aria-labelledby="admin-teams-heading">
      <div className="card-header">
        <h2 id="admin-teams-heading">Teams</h2>
        <ExportLinks href="/api/v1/team-performance-summary/export" what="the team matrix" />
      </div>
      {teams.isPending && <LoadingState label="Loading the teams…" />}
      {teams.isError && <ErrorAlert title="Could not load the teams">{teams.error.message}</ErrorAlert>}
      {teams.isSuccess &&
        (teams.data.length === 0 ? (
          <p className="muted card-body">No teams yet.</p>
        ) : (
          <div className="table-wrap">
            <p className="muted">Figures as of {formatDay(teams.data[0]?.as_of)}; averages are the day before.</p>
            <table className="table">
              <caption className="visually-hidden">Every team's figures</caption>
              <thead>
                <tr>
                  <th scope="col">Team leader</th>
                  <th scope="col">Agents</th>
                  <th scope="col">Average composite</th>
                  <th scope="col">Average service</th>
                  <th scope="col">Average quality</th>
                  <th scope="col">Plans running</th>
                  <th scope="col">Sessions last week</th>
                </tr>
              </thead>
              <tbody>
                {teams.data.map((t) => (
                  <tr key={t.team_leader_id}>
                    <th scope="row">
                      <Link to={`/teams/${t.team_leader_id}`}>{t.team_leader_name}</Link>
                    </th>
                    <td>{t.agent_count}</td>
                    <td>{score(t.avg_team_score)}</td>
                    <td>{score(t.avg_service_score)}</td>
                    <td>{score(t.avg_quality_score)}</td>
                    <td>{t.active_pips}</td>
                    <td>{t.sessions_last_week}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
