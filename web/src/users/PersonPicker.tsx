import { useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Role } from '../api/types';
import { ComboBoxField, type ComboOption } from './ComboBoxField';
import { useDirectory } from './hooks';

interface Props {
  label: string;
  /** Whom to choose from: everyone of this role in the caller's scope. */
  role: Role;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | null | undefined;
  hint?: ReactNode;
  /** Left out of the choices (the person themselves, their current team leader). */
  exclude?: readonly string[];
  isRequired?: boolean;
}

/** A team leader or manager, chosen by typing part of a name or email. */
export function PersonPicker({ label, role, value, onChange, error, hint, exclude = [], isRequired }: Props) {
  const directory = useDirectory(role);
  const options = useMemo<ComboOption[]>(
    () =>
      (directory.data ?? [])
        .filter((p) => !exclude.includes(p.id))
        .map((p) => ({ id: p.id, label: p.name, detail: p.email })),
    [directory.data, exclude],
  );
  const loadingHint = directory.isPending ? 'Loading the choices…' : null;
  const loadError = directory.isError ? `Could not load the choices: ${directory.error.message}` : null;
  return (
    <ComboBoxField
      label={label}
      options={options}
      value={value}
      onChange={onChange}
      error={error ?? loadError}
      hint={loadingHint ?? hint}
      isRequired={isRequired}
      emptyText="Nobody matches"
    />
  );
}
