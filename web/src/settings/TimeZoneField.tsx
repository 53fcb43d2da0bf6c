import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { ComboBoxField, type ComboOption } from '../users/ComboBoxField';
import { timeZoneChoices } from './timeZones';

interface Props {
  label: string;
  value: string;
  onChange: (zone: string) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  /**
   * Accept any typed name (the server then checks it against its own list and says so in a
   * field error); otherwise only a zone of the list can be chosen.
   */
  allowsCustomValue?: boolean;
}

/** An IANA time zone, chosen by typing part of its name ("Lisbon"). */
export function TimeZoneField({ label, value, onChange, error, hint, allowsCustomValue }: Props) {
  // A typed name is not a choice; a saved zone this browser does not list is.
  const listed = allowsCustomValue ? '' : value;
  const options = useMemo<ComboOption[]>(
    () => timeZoneChoices(listed).map((z) => ({ id: z, label: z })),
    [listed],
  );
  if (allowsCustomValue) {
    return (
      <ComboBoxField
        label={label}
        options={options}
        value={options.some((o) => o.id === value) ? value : null}
        onChange={(id) => {
          if (id !== null) onChange(id);
        }}
        allowsCustomValue
        inputValue={value}
        onInputChange={onChange}
        error={error}
        hint={hint}
        emptyText="No zone of this browser's list matches; the server checks the name."
      />
    );
  }
  return (
    <ComboBoxField
      label={label}
      options={options}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      error={error}
      hint={hint}
      emptyText="No time zone matches"
    />
  );
}
