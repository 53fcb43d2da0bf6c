import { NotBuiltYet } from '../components/NotBuiltYet';

export function ImportsPage() {
  return (
    <NotBuiltYet
      title="Imports"
      purpose="Upload metric, user, coaching history and profile files, follow them and roll them back."
    />
  );
}
