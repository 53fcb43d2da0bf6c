import { TextField } from '../components/FormField';
import { MAX_MINUTES, MIN_MINUTES, type FieldErrors, type WhenDraft } from './scheduleForm';

interface Props {
  draft: WhenDraft;
  onChange: (change: Partial<WhenDraft>) => void;
  errors: FieldErrors<'date' | 'time' | 'minutes'>;
  /** "Planned length" or "New length". */
  minutesLabel?: string;
}

/** Date, time (on the user's clock) and length of a session. */
export function WhenFields({ draft, onChange, errors, minutesLabel = 'Length (minutes)' }: Props) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <div className="sessions-when">
      <TextField
        label="Date"
        type="date"
        required
        value={draft.date}
        onChange={(e) => onChange({ date: e.target.value })}
        error={errors.date}
      />
      <TextField
        label="Time"
        type="time"
        required
        value={draft.time}
        onChange={(e) => onChange({ time: e.target.value })}
        error={errors.time}
        hint={zone ? `Your time (${zone})` : 'Your local time'}
      />
      <TextField
        label={minutesLabel}
        type="number"
        inputMode="numeric"
        min={MIN_MINUTES}
        max={MAX_MINUTES}
        step={5}
        required
        value={draft.minutes}
        onChange={(e) => onChange({ minutes: e.target.value })}
        error={errors.minutes}
      />
    </div>
  );
}
