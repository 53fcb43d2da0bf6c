import { useId } from 'react';
import type { NoteType } from '../api/types';
import { NOTE_TYPES, priorityRule } from './labels';

interface Props {
  value: NoteType | null;
  onChange: (type: NoteType) => void;
  error?: string | undefined;
}

/** The note's type as five large radio buttons, each saying the priority it brings. */
export function NoteTypeChoice({ value, onChange, error }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>Type</legend>
      <div className="notes-type-list">
        {NOTE_TYPES.map((t) => (
          <label key={t.type} className={`notes-type notes-type-${t.type.toLowerCase()}`}>
            <input
              type="radio"
              name={`${id}-type`}
              value={t.type}
              checked={value === t.type}
              onChange={() => onChange(t.type)}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-${t.type}-hint`}
            />
            <span className="notes-type-text">
              <span className="notes-type-label">{t.label}</span>
              <span className="notes-type-hint" id={`${id}-${t.type}-hint`}>
                {priorityRule(t.priority)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
