import type { Role, UserStatus } from '../api/types';

const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  TEAM_LEADER: 'Team leader',
  AGENT: 'Agent',
};

const STATUS_LABELS: Record<UserStatus, string> = {
  ACTIVE: 'Active',
  PIP: 'On PIP',
  LEAVE: 'On leave',
  TERMINATED: 'Terminated',
};

/** "SOME_ENUM_VALUE" -> "Some enum value", for values this build does not know yet. */
export function humanizeEnum(value: string): string {
  const words = value.trim().toLowerCase().split(/[_\s]+/).filter(Boolean);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function roleLabel(role: string): string {
  return Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role] : humanizeEnum(role);
}

export function statusLabel(status: string): string {
  return Object.hasOwn(STATUS_LABELS, status)
    ? STATUS_LABELS[status as UserStatus]
    : humanizeEnum(status);
}
