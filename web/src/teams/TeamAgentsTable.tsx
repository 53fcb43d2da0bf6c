import { Link } from 'react-router';
import type { DashboardCard } from '../api/types';
import { StatusBadge } from '../components/StatusBadge';
import { LevelBadge } from './LevelBadge';
import { formatMetric } from './metrics';
import { agentPath } from './TeamMatrix';
import { TrendIndicator } from './TrendIndicator';

function lastCoaching(days: number | null): string {
  if (days === null) return 'Never';
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return `${days} days ago`;
}

/** A team's queue: its agents, most urgent first (the server's order), each opening their page. */
export function TeamAgentsTable({ agents, caption }: { agents: readonly DashboardCard[]; caption: string }) {
  return (
    <div className="table-wrap teams-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table teams-agents">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Level</th>
            <th scope="col" className="teams-num">
              30-day composite
            </th>
            <th scope="col">Composite trend</th>
            <th scope="col" className="teams-num">
              Urgency
            </th>
            <th scope="col">Last coaching</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {agents.map((a) => (
            <tr key={a.agent_id}>
              <th scope="row">
                <Link to={agentPath(a.agent_id)}>{a.name}</Link>
                {a.status !== 'ACTIVE' && (
                  <>
                    {' '}
                    <StatusBadge status={a.status} />
                  </>
                )}
              </th>
              <td>
                <LevelBadge level={a.performance_level} />
              </td>
              <td className="teams-num">{formatMetric('composite_score', a.avg_30d?.composite_score)}</td>
              <td>
                <TrendIndicator trend={a.trends?.composite_score ?? null} />
              </td>
              <td className="teams-num">{a.urgency_score}</td>
              <td>{lastCoaching(a.days_since_last_coaching)}</td>
              <td className="teams-reasons">
                {a.urgency_reasons.length === 0 ? (
                  <span className="muted">Nothing pressing</span>
                ) : (
                  <ul>
                    {a.urgency_reasons.map((r) => (
                      <li key={r.code}>{r.text}</li>
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
