// What the signed-in user may do to people, as the server decides it (src/auth/scope.cpp):
// ADMIN everything; MANAGER creates and changes the team leaders and agents in their scope (a
// new team leader reports to them) but deletes nobody; TEAM_LEADER and AGENT only read. The UI
// offers only these; the server checks again.
import type { Role, User } from '../api/types';

/** Roles that may add people and open /people/:id. */
export function managesPeople(role: Role): boolean {
  return role === 'ADMIN' || role === 'MANAGER';
}

/** The roles a viewer may give a new person (or an existing one). */
export function assignableRoles(viewer: Role): Role[] {
  if (viewer === 'ADMIN') return ['ADMIN', 'MANAGER', 'TEAM_LEADER', 'AGENT'];
  if (viewer === 'MANAGER') return ['TEAM_LEADER', 'AGENT'];
  return [];
}

/** Whether the viewer may change this person (a deleted person is only shown, not changed). */
export function mayEdit(viewer: User, person: User): boolean {
  if (person.deleted_at) return false;
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'MANAGER')
    return person.id !== viewer.id && (person.role === 'TEAM_LEADER' || person.role === 'AGENT');
  return false;
}

/** Deactivate or reactivate: changing one's own status is not offered (it could lock one out). */
export function mayChangeStatus(viewer: User, person: User): boolean {
  return mayEdit(viewer, person) && person.id !== viewer.id;
}

/** Soft delete: ADMINs only, never themselves (the server answers 409). */
export function mayDelete(viewer: User, person: User): boolean {
  return viewer.role === 'ADMIN' && person.id !== viewer.id && !person.deleted_at;
}

/** Whom a person reports to: an agent's team leader, a team leader's manager. */
export function reportsToId(person: Pick<User, 'role' | 'team_leader_id' | 'manager_id'>): string | null {
  if (person.role === 'AGENT') return person.team_leader_id;
  if (person.role === 'TEAM_LEADER') return person.manager_id;
  return null;
}

/** A deactivated person (on leave or terminated) can be made active again. */
export function isInactive(person: Pick<User, 'status'>): boolean {
  return person.status === 'LEAVE' || person.status === 'TERMINATED';
}
