import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useSettings } from '../settings/hooks';
import { SettingsForm } from '../settings/SettingsForm';

/** /settings: the organisation's settings (ADMINs). */
export function SettingsPage() {
  const settings = useSettings();
  return (
    <>
      <PageHeader title="Settings" description="Settings of this Coach organisation." />
      {settings.isPending && <LoadingState label="Loading the settings…" />}
      {settings.isError && (
        <ErrorAlert
          title="Could not load the settings"
          action={
            <button type="button" className="button button-secondary" onClick={() => settings.refetch()}>
              Try again
            </button>
          }
        >
          {settings.error.message}
        </ErrorAlert>
      )}
      {settings.isSuccess && <SettingsForm settings={settings.data} />}
    </>
  );
}
