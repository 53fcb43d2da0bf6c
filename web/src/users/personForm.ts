// The add and edit forms' values: every field as the text of its control, turned into the
// API's bodies. An empty optional field is null (the API refuses empty strings); a PATCH names
// only the fields that changed.
import type { Role, User, UserCreate, UserPatch } from '../api/types';

export interface PersonDraft {
  email: string;
  name: string;
  role: Role;
  team_leader_id: string;
  manager_id: string;
  department: string;
  employee_id: string;
  hire_date: string;
  phone: string;
  shift_pattern: string;
  learning_style: string;
  timezone: string;
}

/** The fields whose server errors the forms show next to a control. */
export const PERSON_FIELDS = [
  'email',
  'name',
  'role',
  'team_leader_id',
  'manager_id',
  'department',
  'employee_id',
  'hire_date',
  'phone',
  'shift_pattern',
  'learning_style',
  'timezone',
] as const satisfies readonly (keyof PersonDraft)[];

export type PersonField = (typeof PERSON_FIELDS)[number];

const OPTIONAL_TEXT = [
  'department',
  'employee_id',
  'hire_date',
  'phone',
  'shift_pattern',
  'learning_style',
] as const satisfies readonly PersonField[];

export function emptyDraft(overrides: Partial<PersonDraft> = {}): PersonDraft {
  return {
    email: '',
    name: '',
    role: 'AGENT',
    team_leader_id: '',
    manager_id: '',
    department: '',
    employee_id: '',
    hire_date: '',
    phone: '',
    shift_pattern: '',
    learning_style: '',
    timezone: '',
    ...overrides,
  };
}

export function draftFromUser(user: User): PersonDraft {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    team_leader_id: user.team_leader_id ?? '',
    manager_id: user.manager_id ?? '',
    department: user.department ?? '',
    employee_id: user.employee_id ?? '',
    hire_date: user.hire_date ?? '',
    phone: user.phone ?? '',
    shift_pattern: user.shift_pattern ?? '',
    learning_style: user.learning_style ?? '',
    timezone: user.timezone,
  };
}

function orNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

/** The team leader and manager the draft reports to: only the one its role has. */
function references(draft: PersonDraft): { team_leader_id: string | null; manager_id: string | null } {
  return {
    team_leader_id: draft.role === 'AGENT' ? orNull(draft.team_leader_id) : null,
    manager_id: draft.role === 'TEAM_LEADER' ? orNull(draft.manager_id) : null,
  };
}

export function createBody(draft: PersonDraft): UserCreate {
  const body: UserCreate = { email: draft.email.trim(), name: draft.name.trim(), role: draft.role };
  const refs = references(draft);
  if (refs.team_leader_id) body.team_leader_id = refs.team_leader_id;
  if (refs.manager_id) body.manager_id = refs.manager_id;
  for (const field of OPTIONAL_TEXT) {
    const value = orNull(draft[field]);
    if (value !== null) body[field] = value;
  }
  const timezone = draft.timezone.trim();
  if (timezone) body.timezone = timezone;
  return body;
}

/** Only what changed from `user`; {} when nothing did. */
export function patchBody(user: User, draft: PersonDraft): UserPatch {
  const patch: UserPatch = {};
  const email = draft.email.trim();
  if (email !== user.email) patch.email = email;
  const name = draft.name.trim();
  if (name !== user.name) patch.name = name;
  if (draft.role !== user.role) patch.role = draft.role;
  const refs = references(draft);
  if (refs.team_leader_id !== user.team_leader_id) patch.team_leader_id = refs.team_leader_id;
  if (refs.manager_id !== user.manager_id) patch.manager_id = refs.manager_id;
  for (const field of OPTIONAL_TEXT) {
    const value = orNull(draft[field]);
    if (value !== user[field]) patch[field] = value;
  }
  const timezone = draft.timezone.trim();
  if (timezone !== '' && timezone !== user.timezone) patch.timezone = timezone;
  return patch;
}

export function isEmptyPatch(patch: UserPatch): boolean {
  return Object.keys(patch).length === 0;
}

/** Suggested values of the free-text fields (the demo data's and the schema's comments). */
export const SHIFT_PATTERNS = ['Morning', 'Evening', 'Night', 'Rotating'] as const;
export const LEARNING_STYLES = ['Visual', 'Auditory', 'Kinesthetic', 'Reading'] as const;
