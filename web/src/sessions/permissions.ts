// What the session page offers whom (docs/domain.md, "Coaching sessions"; the server's
// src/sessions/rules.hpp). Agents read their sessions and answer completed ones; a team leader,
// manager or admin who can read a session may change it (the server scopes who can read).
import type { CoachingSession, Role, User } from '../api/types';

export function managesSessions(role: Role): boolean {
  return role !== 'AGENT';
}

export interface SessionActions {
  start: boolean;
  reschedule: boolean;
  cancel: boolean;
  noShow: boolean;
  complete: boolean;
  /** Build (or build again) the prep: figures, agenda, methods, open work. */
  prepare: boolean;
  /** The live notes (discussion notes, topics, commitments), autosaved. */
  liveNotes: boolean;
}

export function sessionActions(session: CoachingSession, role: Role): SessionActions {
  const manages = managesSessions(role);
  const scheduled = manages && session.status === 'SCHEDULED';
  const inProgress = manages && session.status === 'IN_PROGRESS';
  return {
    start: scheduled,
    reschedule: scheduled,
    cancel: scheduled,
    noShow: scheduled,
    complete: inProgress,
    prepare: scheduled || inProgress,
    liveNotes: scheduled || inProgress,
  };
}

/**
 * The coached agent may acknowledge or dispute a completed session they were asked about
 * (completed in the app), once.
 */
export function mayAnswer(session: CoachingSession, viewer: User): boolean {
  return (
    viewer.role === 'AGENT' &&
    viewer.id === session.agent_id &&
    session.status === 'COMPLETED' &&
    session.acknowledgement_requested_at !== null &&
    session.acknowledgement === null
  );
}
