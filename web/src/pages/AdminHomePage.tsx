import { NotBuiltYet } from '../components/NotBuiltYet';

export function AdminHomePage() {
  return (
    <NotBuiltYet
      title="Administration"
      purpose="Users and hierarchy, metric imports, jobs and the audit log at a glance."
    />
  );
}
