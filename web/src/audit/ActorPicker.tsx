import { useMemo, useState } from 'react';
import type { User } from '../api/types';
import { ComboBoxField, type ComboOption } from '../users/ComboBoxField';
import { usePeopleSearch, usePerson } from '../users/hooks';
import { useDebounced } from './hooks';

interface Props {
  label: string;
  /** The chosen user's id; '' for anyone. */
  value: string;
  onChange: (id: string) => void;
  error?: string | null | undefined;
}

const SEARCH_DELAY_MS = 250;

function option(user: User): ComboOption {
  return {
    id: user.id,
    label: user.name,
    detail: user.deleted_at ? `${user.email} (deleted)` : user.email,
  };
}

/** A user, found by typing part of a name, email or employee id (the server searches). */
export function ActorPicker({ label, value, onChange, error }: Props) {
  const [text, setText] = useState('');
  const typed = useDebounced(text, SEARCH_DELAY_MS);
  const results = usePeopleSearch(typed);
  const chosen = usePerson(value || null);

  // A chosen user (from the address, or picked) shows their name in the box.
  const [shownFor, setShownFor] = useState('');
  if (value && chosen.data && shownFor !== value) {
    setShownFor(value);
    setText(chosen.data.name);
  } else if (!value && shownFor) {
    setShownFor('');
    setText('');
  }

  const options = useMemo(() => {
    const found = (results.data ?? []).map(option);
    if (chosen.data && !found.some((o) => o.id === chosen.data.id)) found.unshift(option(chosen.data));
    return found;
  }, [results.data, chosen.data]);

  const emptyText =
    typed.trim() === ''
      ? 'Type part of a name or email'
      : results.isFetching
        ? 'Searching…'
        : results.isError
          ? `Could not search: ${results.error.message}`
          : 'Nobody matches';

  return (
    <ComboBoxField
      label={label}
      options={options}
      value={value || null}
      onChange={(id) => {
        // Both the text and the choice are ours: the box shows the chosen name at once.
        const picked = options.find((o) => o.id === id);
        if (picked) {
          setShownFor(picked.id);
          setText(picked.label);
        }
        onChange(id ?? '');
      }}
      inputValue={text}
      onInputChange={(next) => {
        setText(next);
        if (next === '' && value) onChange('');
      }}
      filter={false}
      error={error}
      emptyText={emptyText}
    />
  );
}
