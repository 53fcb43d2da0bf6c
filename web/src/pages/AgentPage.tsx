import { NotBuiltYet } from '../components/NotBuiltYet';

export function AgentPage() {
  return (
    <NotBuiltYet
      title="Agent"
      purpose="An agent's scores and trends, coaching sessions, notes, action items and plan."
    />
  );
}
