import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { User } from '../api/types';
import { roleLabel, statusLabel } from '../format/labels';
import { formatDay, formatMoment } from './format';
import { reportsToId } from './permissions';
import { usePerson } from './hooks';

function ReportsTo({ person }: { person: User }) {
  const id = reportsToId(person);
  const boss = usePerson(id);
  if (!id) return <span className="muted">Nobody</span>;
  if (boss.isPending) return <span className="muted">Loading…</span>;
  if (boss.isError) return <span className="muted">Not available to you</span>;
  return <Link to={`/people/${encodeURIComponent(boss.data.id)}`}>{boss.data.name}</Link>;
}

/** Who the person is, where they sit and their account, as a description list. */
export function PersonSummary({ person }: { person: User }) {
  const rows: Array<[string, ReactNode]> = [
    ['Email', <a href={`mailto:${person.email}`}>{person.email}</a>],
    ['Role', roleLabel(person.role)],
    ['Status', statusLabel(person.status)],
    [person.role === 'AGENT' ? 'Team leader' : 'Reports to', <ReportsTo person={person} />],
    ['Employee ID', person.employee_id],
    ['Department', person.department],
    ['Hire date', formatDay(person.hire_date)],
    ['Last sign-in', formatMoment(person.last_login_at) ?? 'Never'],
    ['Added', formatMoment(person.created_at)],
  ];
  return (
    <section className="card" aria-labelledby="person-summary-heading">
      <div className="card-header">
        <h2 id="person-summary-heading">Summary</h2>
        {person.role === 'AGENT' && (
          <Link to={`/agents/${encodeURIComponent(person.id)}`}>Performance page</Link>
        )}
      </div>
      <dl className="profile-list">
        {rows.map(([label, value]) => (
          <div className="profile-row" key={label}>
            <dt>{label}</dt>
            <dd>{value ?? <span className="muted">Not set</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
