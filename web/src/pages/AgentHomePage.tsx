import { NotBuiltYet } from '../components/NotBuiltYet';

export function AgentHomePage() {
  return (
    <NotBuiltYet
      title="My scorecard"
      purpose="Your scores and trends, upcoming sessions, action items and plan."
    />
  );
}
