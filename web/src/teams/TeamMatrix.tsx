import { Link } from 'react-router';
import type { DashboardManagerTeam } from '../api/types';
import { LEVELS, levelClass } from './levels';
import { MetricCell } from './MetricCell';
import { MATRIX_METRICS, metricLabel } from './metrics';

export function teamPath(teamLeaderId: string): string {
  return `/teams/${encodeURIComponent(teamLeaderId)}`;
}

export function agentPath(agentId: string): string {
  return `/agents/${encodeURIComponent(agentId)}`;
}

interface Props {
  teams: readonly DashboardManagerTeam[];
  caption: string;
}

/**
 * The team matrix: one row per team leader's team, the team's 30-day averages by metric (each
 * a number on its level's colour, with the level in words), how many agents are at each level,
 * and the most urgent agents. The team leader's name opens the team's queue.
 */
export function TeamMatrix({ teams, caption }: Props) {
  return (
    <div className="table-wrap teams-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table teams-matrix">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              Team leader
            </th>
            <th scope="col" rowSpan={2} className="teams-num">
              Agents
            </th>
            <th scope="colgroup" colSpan={MATRIX_METRICS.length} className="teams-group">
              30-day averages
            </th>
            <th scope="colgroup" colSpan={LEVELS.length + 1} className="teams-group">
              Agents per level
            </th>
            <th scope="col" rowSpan={2} className="teams-num">
              On a PIP
            </th>
            <th scope="col" rowSpan={2}>
              Most urgent
            </th>
          </tr>
          <tr>
            {MATRIX_METRICS.map((m) => (
              <th key={m} scope="col" className="teams-num">
                {metricLabel(m)}
              </th>
            ))}
            {LEVELS.map(({ level, label }) => (
              <th key={level} scope="col" className="teams-num">
                <span className={`teams-swatch ${levelClass(level)}`} aria-hidden="true" />
                {label}
              </th>
            ))}
            <th scope="col" className="teams-num">
              <span className={`teams-swatch ${levelClass(null)}`} aria-hidden="true" />
              No level
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((team) => (
            <tr key={team.team_leader_id}>
              <th scope="row">
                <Link to={teamPath(team.team_leader_id)}>{team.team_leader_name}</Link>
              </th>
              <td className="teams-num">{team.agent_count}</td>
              {MATRIX_METRICS.map((m) => (
                <MetricCell key={m} metric={m} value={team.avg_30d?.[m] ?? null} />
              ))}
              {LEVELS.map(({ level }) => (
                <td key={level} className="teams-num">
                  {team.levels[level]}
                </td>
              ))}
              <td className="teams-num">{team.levels.NONE}</td>
              <td className="teams-num">{team.active_pips}</td>
              <td className="teams-urgent">
                {team.top_urgent_agents.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="teams-urgent-list">
                    {team.top_urgent_agents.map((a) => (
                      <li key={a.agent_id}>
                        <Link to={agentPath(a.agent_id)}>{a.name}</Link>{' '}
                        <span className="muted">(urgency {a.urgency_score})</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
