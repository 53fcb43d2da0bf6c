import { useState, type FormEvent } from 'react';
import type { Settings } from '../api/types';
import { FormErrorAlert } from '../users/FormErrorAlert';
import { splitErrors } from '../users/formErrors';
import { useUpdateSettings } from './hooks';
import { LastChange } from './LastChange';
import { TimeZoneField } from './TimeZoneField';

/** The organisation's time zone: chosen from the browser's list or typed; the server checks it. */
export function SettingsForm({ settings }: { settings: Settings }) {
  const update = useUpdateSettings();
  const [zone, setZone] = useState(settings.time_zone);
  const [saved, setSaved] = useState<string | null>(null);
  const [unchanged, setUnchanged] = useState(false);
  const { byField, other } = splitErrors(update.error, ['time_zone']);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const next = zone.trim();
    if (next === settings.time_zone) {
      update.reset();
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    update.mutate(
      { time_zone: next },
      {
        onSuccess: (result) => {
          setZone(result.time_zone);
          setSaved(result.time_zone);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="settings-zone-heading">
      <div className="card-header">
        <h2 id="settings-zone-heading">Time zone</h2>
      </div>
      <div className="card-body stack">
        <p>
          The organisation's days ("today", date filters, daily jobs) are this zone's, and times
          are written at its offset. The current zone is <strong>{settings.time_zone}</strong>.
        </p>
        <LastChange settings={settings} />
        <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="settings-zone-heading">
          <TimeZoneField
            label="Organisation time zone"
            value={zone}
            onChange={(z) => {
              setZone(z);
              setSaved(null);
              setUnchanged(false);
            }}
            error={byField.time_zone}
            hint="An IANA name such as Europe/Lisbon; type part of it to search."
            allowsCustomValue
          />
          {update.error && (
            <FormErrorAlert title="Not saved" error={update.error} other={other} fieldsNote />
          )}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </button>
            <p role="status" className="form-outcome">
              {saved && !update.isPending && `Saved: the organisation's time zone is now ${saved}.`}
              {unchanged && 'Nothing to save: this is already the time zone.'}
            </p>
          </div>
        </form>
      </div>
    </section>
  );
}
