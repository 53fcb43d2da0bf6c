import { Link } from 'react-router';
import type { User } from '../api/types';
import { RoleBadge } from './RoleBadge';
import { StatusBadge } from './StatusBadge';

export function PeopleTable({ people }: { people: User[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Employee ID</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.role === 'AGENT' ? <Link to={`/agents/${encodeURIComponent(p.id)}`}>{p.name}</Link> : p.name}
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
