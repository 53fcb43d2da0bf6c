import { useParams } from 'react-router';
import { AgentView } from '../agent/AgentView';

/** /agents/:id: an agent's page; the server answers 404 outside the caller's scope. */
export function AgentPage() {
  const { id = '' } = useParams();
  // A new agent is a new page: nothing of the previous one's state carries over.
  return <AgentView key={id} agentId={id} />;
}
