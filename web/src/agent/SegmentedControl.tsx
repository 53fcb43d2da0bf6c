import { useId } from 'react';
import type { Key } from 'react-aria-components';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';

interface Props<T extends string> {
  /** The visible label, also the group's accessible name ("Range"). */
  label: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/**
 * One choice among a few, as a row of toggle buttons (React Aria: one Tab stop, arrow keys
 * move between the options, Space or Enter picks one).
 */
export function SegmentedControl<T extends string>({ label, options, value, onChange }: Props<T>) {
  const labelId = useId();
  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        {label}
      </span>
      <ToggleButtonGroup
        aria-labelledby={labelId}
        className="segmented"
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[value]}
        onSelectionChange={(keys: Set<Key>) => {
          const [next] = [...keys];
          if (next !== undefined) onChange(String(next) as T);
        }}
      >
        {options.map((o) => (
          <ToggleButton key={o.value} id={o.value} className="segmented-option">
            {o.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </div>
  );
}
