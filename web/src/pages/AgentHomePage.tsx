import { AgentView } from '../agent/AgentView';
import { useCurrentUser } from '../auth/useCurrentUser';

/** An agent's home: their own scorecard, trends and history (the agent page's view of oneself). */
export function AgentHomePage() {
  const me = useCurrentUser();
  return <AgentView agentId={me.id} mine />;
}
