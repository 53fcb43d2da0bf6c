import { NotBuiltYet } from '../components/NotBuiltYet';

export function JobsPage() {
  return (
    <NotBuiltYet
      title="Jobs"
      purpose="The scheduled jobs, their last runs and their results."
    />
  );
}
