import { NotBuiltYet } from '../components/NotBuiltYet';

export function TeamLeaderHomePage() {
  return (
    <NotBuiltYet
      title="Priority queue"
      purpose="Who to coach next and why, with session prep for each agent."
    />
  );
}
