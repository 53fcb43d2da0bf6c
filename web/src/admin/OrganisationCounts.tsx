import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { adminKeys, fetchAdminHome } from './adminApi';

/** The organisation at a glance: people by role, plans running, imports of the week. */
export function OrganisationCounts() {
  const home = useQuery({ queryKey: adminKeys.home(), queryFn: ({ signal }) => fetchAdminHome(signal) });
  if (home.isPending) return <LoadingState label="Loading the organisation…" />;
  if (home.isError)
    return <ErrorAlert title="Could not load the organisation">{home.error.message}</ErrorAlert>;
  const c = home.data.counts;
  const items: { label: string; value: number; to: string }[] = [
    { label: 'Agents', value: c.agents, to: '/people' },
    { label: 'Team leaders', value: c.team_leaders, to: '/people' },
    { label: 'Managers', value: c.managers, to: '/people' },
    { label: 'Improvement plans running', value: c.active_pips, to: '/people' },
    { label: 'Imports in the last 7 days', value: c.imports_last_7_days, to: '/imports' },
    { label: 'Failed imports in the last 7 days', value: c.failed_imports_last_7_days, to: '/imports' },
  ];
  return (
    <section className="card" aria-labelledby="admin-counts-heading">
      <div className="card-header">
        <h2 id="admin-counts-heading">The organisation</h2>
      </div>
      <ul className="admin-counts">
        {items.map((item) => (
          <li key={item.label}>
            <Link to={item.to}>
              <span className="admin-count-value">{item.value}</span>
              <span className="admin-count-label">{item.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
