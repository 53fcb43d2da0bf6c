import type { User } from '../api/types';
import { roleLabel, statusLabel } from '../format/labels';

function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  // A calendar date: format it in UTC so no time zone shifts the day.
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function ProfileCard({ user }: { user: User }) {
  const rows: Array<[string, string | null]> = [
    ['Name', user.name],
    ['Email', user.email],
    ['Role', roleLabel(user.role)],
    ['Status', statusLabel(user.status)],
    ['Employee ID', user.employee_id],
    ['Department', user.department],
    ['Hire date', formatDate(user.hire_date)],
    ['Shift pattern', user.shift_pattern],
    ['Time zone', user.timezone],
    ['Phone', user.phone],
  ];
  return (
    <section className="card profile" aria-labelledby="profile-heading">
      <div className="card-header">
        <h2 id="profile-heading">My profile</h2>
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
