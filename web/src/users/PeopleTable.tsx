import { Link } from 'react-router';
import type { User } from '../api/types';
import { RoleBadge } from '../components/RoleBadge';
import { StatusBadge } from '../components/StatusBadge';
import { mayEdit, reportsToId } from './permissions';

interface Props {
  people: User[];
  /** The signed-in user: ADMINs and MANAGERs also see whom each reports to and a "Manage" link. */
  viewer: User;
  /** Names of the team leaders and managers in scope, by id (the "Reports to" column). */
  names?: ReadonlyMap<string, string>;
  /** The rows are being replaced by a new search's answer. */
  busy?: boolean;
}

function personName(person: User, viewer: User) {
  if (person.role === 'AGENT')
    return <Link to={`/agents/${encodeURIComponent(person.id)}`}>{person.name}</Link>;
  if (viewer.role === 'ADMIN' || mayEdit(viewer, person))
    return <Link to={`/people/${encodeURIComponent(person.id)}`}>{person.name}</Link>;
  return person.name;
}

function ReportsTo({ person, names }: { person: User; names: ReadonlyMap<string, string> }) {
  const id = reportsToId(person);
  if (!id) return <span className="muted">—</span>;
  const name = names.get(id);
  return name ? <>{name}</> : <span className="muted">Not listed</span>;
}

export function PeopleTable({ people, viewer, names, busy }: Props) {
  const showsHierarchy = viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
  return (
    <div className="table-wrap people-table-wrap">
      <table className="table people-table" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Employee ID</th>
            {showsHierarchy && <th scope="col">Reports to</th>}
            {showsHierarchy && (
              <th scope="col">
                <span className="visually-hidden">Manage</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {personName(p, viewer)}
                {p.deleted_at && <span className="badge people-deleted">Deleted</span>}
              </th>
              <td>
                <a href={`mailto:${p.email}`}>{p.email}</a>
              </td>
              <td>
                <RoleBadge role={p.role} />
              </td>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td className="mono">{p.employee_id ?? '—'}</td>
              {showsHierarchy && (
                <td>
                  <ReportsTo person={p} names={names ?? new Map()} />
                </td>
              )}
              {showsHierarchy && (
                <td>
                  {(viewer.role === 'ADMIN' || mayEdit(viewer, p)) && (
                    <Link
                      className="people-manage"
                      to={`/people/${encodeURIComponent(p.id)}`}
                      aria-label={`Manage ${p.name}`}
                    >
                      Manage
                    </Link>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
