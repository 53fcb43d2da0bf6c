import { useState } from 'react';
import { FormField, TextField } from '../components/FormField';
import { MAX_ACTION_ITEMS, newActionItem, type ActionItemRow, type ItemField } from './completeForm';
import { PRIORITIES, priorityLabel, type Priority } from './labels';
import type { FieldErrors } from './scheduleForm';

interface Props {
  items: ActionItemRow[];
  onChange: (items: ActionItemRow[]) => void;
  errors: Record<number, FieldErrors<ItemField>>;
  listError?: string | undefined;
}

/** Action items agreed in the session: title, due date and priority, as many rows as needed. */
export function ActionItemRows({ items, onChange, errors, listError }: Props) {
  // The row just added takes the focus (its title).
  const [added, setAdded] = useState<string | null>(null);

  function update(index: number, change: Partial<ActionItemRow>) {
    onChange(items.map((item, i) => (i === index ? { ...item, ...change } : item)));
  }

  function add() {
    const row = newActionItem();
    setAdded(row.key);
    onChange([...items, row]);
  }

  return (
    <fieldset className="sessions-items">
      <legend>Action items</legend>
      {items.length === 0 && <p className="muted">No action items yet.</p>}
      {listError && <p className="field-error">Action items {listError}</p>}
      {items.map((item, i) => {
        const e = errors[i] ?? {};
        const n = i + 1;
        return (
          <fieldset key={item.key} className="sessions-item">
            <legend className="sessions-item-legend">Action item {n}</legend>
            <TextField
              label="Title"
              value={item.title}
              maxLength={255}
              required
              autoFocus={item.key === added}
              onChange={(ev) => update(i, { title: ev.target.value })}
              error={e.title}
            />
            <TextField
              label="Due date"
              type="date"
              required
              value={item.dueDate}
              onChange={(ev) => update(i, { dueDate: ev.target.value })}
              error={e.dueDate}
            />
            <FormField label="Priority" error={e.priority}>
              {(control) => (
                <select
                  {...control}
                  value={item.priority}
                  onChange={(ev) => update(i, { priority: ev.target.value as Priority })}
                >
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {priorityLabel(p)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <div className="sessions-item-remove">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => onChange(items.filter((_, j) => j !== i))}
                aria-label={`Remove action item ${n}`}
              >
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      {items.length < MAX_ACTION_ITEMS && (
        <button type="button" className="button button-secondary" onClick={add}>
          Add an action item
        </button>
      )}
    </fieldset>
  );
}
