// Test data and a fake GET /api/v1/users that filters like the server (role, status, q).
import type { User } from '../api/types';
import { jsonResponse, makeUser, type RecordedRequest } from '../test/fakeApi';

export const admin = makeUser({ name: 'Avery Collins', role: 'ADMIN', id: 'u-admin' });
export const manager = makeUser({ name: 'Morgan Reyes', role: 'MANAGER', id: 'u-manager' });
export const leaderA = makeUser({
  name: 'Grace Okafor',
  role: 'TEAM_LEADER',
  id: 'u-tl-a',
  manager_id: manager.id,
});
export const leaderB = makeUser({
  name: 'Tariq Haddad',
  role: 'TEAM_LEADER',
  id: 'u-tl-b',
  manager_id: manager.id,
});
export const agent = makeUser({
  name: 'Chloe Mensah',
  role: 'AGENT',
  id: 'u-agent',
  team_leader_id: leaderA.id,
  employee_id: 'E1078',
  phone: '+1 555 1078',
});
export const onLeave = makeUser({
  name: 'Sam Patel',
  role: 'AGENT',
  id: 'u-leave',
  team_leader_id: leaderB.id,
  status: 'LEAVE',
});

export const EVERYONE: User[] = [admin, manager, leaderA, leaderB, agent, onLeave];

/** GET /api/v1/users over `people`, filtered by the query the way the server does. */
export function usersList(people: () => User[]) {
  return (req: RecordedRequest) => {
    const query = new URL(req.url, 'http://localhost').searchParams;
    const q = (query.get('q') ?? '').toLowerCase();
    const items = people().filter(
      (p) =>
        (!query.get('role') || p.role === query.get('role')) &&
        (!query.get('status') || p.status === query.get('status')) &&
        (!q || `${p.name} ${p.email} ${p.employee_id ?? ''}`.toLowerCase().includes(q)),
    );
    return jsonResponse(200, { items, next_cursor: null });
  };
}

export function validationError(details: Array<{ field: string; message: string }>) {
  return jsonResponse(422, {
    error: { code: 'validation_failed', message: 'The request has invalid fields.', details },
  });
}
