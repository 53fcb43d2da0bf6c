import { NotBuiltYet } from '../components/NotBuiltYet';

export function AuditPage() {
  return (
    <NotBuiltYet
      title="Audit log"
      purpose="Who did what, and when."
    />
  );
}
