import { useState, type FormEvent } from 'react';
import { FormField, TextField } from '../components/FormField';
import { DEFAULT_PERIOD, PRESET_DAYS, type Period, type PresetDays } from './period';

export interface PeriodErrors {
  from?: string | undefined;
  to?: string | undefined;
}

interface Props {
  period: Period;
  onChange: (period: Period) => void;
  /** The server's refusal of the dates, next to their fields. */
  errors: PeriodErrors;
  /** Dates to start a custom period from (the period shown). */
  shown: { from: string; to: string } | null;
}

const CUSTOM = 'custom';

/** Picks the correlations' period: the last 30, 90, 180 or 365 days, or two dates. */
export function PeriodPicker({ period, onChange, errors, shown }: Props) {
  const [custom, setCustom] = useState(period.kind === 'custom');
  const [from, setFrom] = useState(period.kind === 'custom' ? period.from : (shown?.from ?? ''));
  const [to, setTo] = useState(period.kind === 'custom' ? period.to : (shown?.to ?? ''));
  const selected = custom ? CUSTOM : String(period.kind === 'preset' ? period.days : CUSTOM);

  function onSelect(value: string) {
    if (value === CUSTOM) {
      setCustom(true);
      if (from === '' && shown) setFrom(shown.from);
      if (to === '' && shown) setTo(shown.to);
      return;
    }
    setCustom(false);
    const days = Number(value) as PresetDays;
    onChange(PRESET_DAYS.includes(days) ? { kind: 'preset', days } : DEFAULT_PERIOD);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onChange({ kind: 'custom', from, to });
  }

  return (
    <form className="teams-period" onSubmit={onSubmit} aria-label="Period of the correlations">
      <FormField label="Period">
        {(control) => (
          <select {...control} value={selected} onChange={(e) => onSelect(e.target.value)}>
            {PRESET_DAYS.map((d) => (
              <option key={d} value={String(d)}>
                Last {d} days
              </option>
            ))}
            <option value={CUSTOM}>Choose dates…</option>
          </select>
        )}
      </FormField>
      {custom && (
        <>
          <TextField
            label="From"
            type="date"
            name="from"
            value={from}
            required
            onChange={(e) => setFrom(e.target.value)}
            error={errors.from}
          />
          <TextField
            label="To"
            type="date"
            name="to"
            value={to}
            required
            onChange={(e) => setTo(e.target.value)}
            error={errors.to}
            hint="At most 366 days."
          />
          <div className="teams-period-submit">
            <button type="submit" className="button button-primary">
              Show
            </button>
          </div>
        </>
      )}
    </form>
  );
}
