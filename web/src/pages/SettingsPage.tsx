import { NotBuiltYet } from '../components/NotBuiltYet';

export function SettingsPage() {
  return (
    <NotBuiltYet
      title="Settings"
      purpose="Settings of this Coach installation."
    />
  );
}
