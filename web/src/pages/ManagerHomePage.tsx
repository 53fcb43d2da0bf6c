import { NotBuiltYet } from '../components/NotBuiltYet';

export function ManagerHomePage() {
  return (
    <NotBuiltYet
      title="Team performance"
      purpose="The performance matrix of your teams, with a drill-down per team leader and agent."
    />
  );
}
