import type { Role } from '../api/types';

/** Who writes and addresses notes: team leaders (their own agents) and admins. */
export function mayWriteNotes(role: Role): boolean {
  return role === 'TEAM_LEADER' || role === 'ADMIN';
}

/** Who reads notes: everyone but agents (the server answers 403 to agents). */
export function mayReadNotes(role: Role): boolean {
  return role !== 'AGENT';
}
