import type { Role, User } from '../api/types';
import { FormField, TextField } from '../components/FormField';
import { roleLabel } from '../format/labels';
import { TimeZoneField } from '../settings/TimeZoneField';
import { LEARNING_STYLES, SHIFT_PATTERNS, type PersonDraft, type PersonField } from './personForm';
import { PersonPicker } from './PersonPicker';

interface Props {
  draft: PersonDraft;
  onChange: (change: Partial<PersonDraft>) => void;
  errors: Partial<Record<string, string>>;
  /** The roles this viewer may give; the role field is left out when empty. */
  roles: readonly Role[];
  /** The person being edited (left out of their own pickers); none when adding. */
  person?: User;
}

/** A select of suggestions for a free-text field, with its current value kept as a choice. */
function SuggestionSelect({
  label,
  value,
  options,
  error,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly string[];
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const choices = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <FormField label={label} error={error}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Not set</option>
          {choices.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** The fields of a person shared by the add and edit forms, each with its server error. */
export function PersonFields({ draft, onChange, errors, roles, person }: Props) {
  const err = (field: PersonField) => errors[field];
  const self = person ? [person.id] : [];
  return (
    <div className="person-fields">
      <TextField
        label="Email"
        type="email"
        autoComplete="off"
        value={draft.email}
        onChange={(e) => onChange({ email: e.target.value })}
        error={err('email')}
        required
      />
      <TextField
        label="Name"
        value={draft.name}
        onChange={(e) => onChange({ name: e.target.value })}
        error={err('name')}
        required
        maxLength={255}
      />
      {roles.length > 0 && (
        <FormField label="Role" error={err('role')}>
          {(control) => (
            <select
              {...control}
              value={draft.role}
              onChange={(e) => onChange({ role: e.target.value as Role })}
            >
              {roles.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      {draft.role === 'AGENT' && (
        <PersonPicker
          label="Team leader"
          role="TEAM_LEADER"
          value={draft.team_leader_id || null}
          onChange={(id) => onChange({ team_leader_id: id ?? '' })}
          error={err('team_leader_id')}
          exclude={self}
        />
      )}
      {draft.role === 'TEAM_LEADER' && (
        <PersonPicker
          label="Manager"
          role="MANAGER"
          value={draft.manager_id || null}
          onChange={(id) => onChange({ manager_id: id ?? '' })}
          error={err('manager_id')}
          exclude={self}
        />
      )}
      <TextField
        label="Department"
        value={draft.department}
        onChange={(e) => onChange({ department: e.target.value })}
        error={err('department')}
        maxLength={100}
      />
      <TextField
        label="Employee ID"
        value={draft.employee_id}
        onChange={(e) => onChange({ employee_id: e.target.value })}
        error={err('employee_id')}
        maxLength={50}
      />
      <TextField
        label="Hire date"
        type="date"
        value={draft.hire_date}
        onChange={(e) => onChange({ hire_date: e.target.value })}
        error={err('hire_date')}
      />
      <TextField
        label="Phone"
        type="tel"
        value={draft.phone}
        onChange={(e) => onChange({ phone: e.target.value })}
        error={err('phone')}
        maxLength={20}
      />
      <SuggestionSelect
        label="Shift"
        value={draft.shift_pattern}
        options={SHIFT_PATTERNS}
        error={err('shift_pattern')}
        onChange={(shift_pattern) => onChange({ shift_pattern })}
      />
      <SuggestionSelect
        label="Learning style"
        value={draft.learning_style}
        options={LEARNING_STYLES}
        error={err('learning_style')}
        onChange={(learning_style) => onChange({ learning_style })}
      />
      <TimeZoneField
        label="Time zone"
        value={draft.timezone}
        onChange={(timezone) => onChange({ timezone })}
        error={err('timezone')}
        hint={person ? undefined : 'Leave empty for UTC.'}
      />
    </div>
  );
}
