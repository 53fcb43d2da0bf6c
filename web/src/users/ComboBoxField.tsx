import type { ReactNode } from 'react';
import {
  Button,
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from 'react-aria-components';
import { fieldErrorText } from '../components/FormField';

export interface ComboOption {
  id: string;
  /** What the input shows once chosen, and what typing matches. */
  label: string;
  /** A second line in the list (an email, a role). */
  detail?: string;
}

interface Props {
  label: string;
  options: readonly ComboOption[];
  /** The chosen option's id; with allowsCustomValue, the typed text is the value instead. */
  value: string | null;
  onChange: (id: string | null) => void;
  /** The error for this field (from the server's error.details), shown under it. */
  error?: string | null | undefined;
  hint?: ReactNode;
  /** Accept any typed text (onInputChange gets it); the options are then suggestions. */
  allowsCustomValue?: boolean;
  /** Controlled text of the input (for a search the server answers, or custom values). */
  inputValue?: string;
  onInputChange?: (text: string) => void;
  /** false: the options are already filtered (by the server); show them all. */
  filter?: boolean;
  /** Said in the list when nothing matches. */
  emptyText?: string;
  isDisabled?: boolean;
  isRequired?: boolean;
  name?: string;
}

function contains(text: string, typed: string): boolean {
  return text.toLocaleLowerCase().includes(typed.trim().toLocaleLowerCase());
}

/**
 * A labelled React Aria combo box (type to filter, arrows to move, Enter to choose) that looks
 * and reads like FormField: the hint and the error under it describe the input, which is
 * aria-invalid while there is an error.
 */
export function ComboBoxField({
  label,
  options,
  value,
  onChange,
  error,
  hint,
  allowsCustomValue = false,
  inputValue,
  onInputChange,
  filter = true,
  emptyText = 'No matches',
  isDisabled,
  isRequired,
  name,
}: Props) {
  const controlledInput = inputValue !== undefined ? { inputValue } : {};
  return (
    <ComboBox
      className="field combo"
      // React Aria filters defaultItems by the typed text (and shows them all when opened from
      // the button); items it takes as already filtered (by the server).
      {...(filter ? { defaultItems: options } : { items: options })}
      value={value}
      onChange={(key: Key | null) => onChange(key === null ? null : String(key))}
      {...controlledInput}
      onInputChange={onInputChange}
      allowsCustomValue={allowsCustomValue}
      // "No matches" is said in an open list; a typed value of its own needs no list (and an
      // open one would hide the rest of the page from assistive technology meanwhile).
      allowsEmptyCollection={!allowsCustomValue}
      defaultFilter={filter ? contains : () => true}
      isInvalid={Boolean(error)}
      isDisabled={isDisabled}
      isRequired={isRequired}
      name={name}
    >
      <Label>{label}</Label>
      <div className="combo-control">
        <Input className="combo-input" />
        <Button className="combo-button" aria-label={`Show the choices of ${label}`}>
          <span className="chevron" aria-hidden="true" />
        </Button>
      </div>
      {hint && (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      )}
      {error && (
        <Text slot="errorMessage" className="field-error">
          {fieldErrorText(label, error)}
        </Text>
      )}
      <Popover className="combo-popover" placement="bottom start">
        <ListBox<ComboOption>
          className="combo-list"
          renderEmptyState={() => <p className="combo-empty">{emptyText}</p>}
        >
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="combo-option">
              <span className="combo-option-label">{option.label}</span>
              {option.detail && <span className="combo-option-detail">{option.detail}</span>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
