import { roleLabel } from '../format/labels';

export function RoleBadge({ role }: { role: string }) {
  return <span className={`badge badge-role badge-role-${role.toLowerCase()}`}>{roleLabel(role)}</span>;
}
