import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ScheduleForm } from './ScheduleForm';

/** /sessions/new[?agent_id=]: schedule a coaching session (team leaders, managers, admins). */
export function ScheduleSessionPage() {
  const [params] = useSearchParams();
  const agentId = params.get('agent_id') ?? '';
  return (
    <>
      <p>
        <Link to="/sessions">Back to Sessions</Link>
      </p>
      <PageHeader
        title="Schedule a session"
        description="Pick the agent, the time on your clock and the length. The agent is told in the app."
      />
      <section className="card" aria-label="New session">
        <div className="card-body">
          <ScheduleForm key={agentId} initialAgentId={agentId} />
        </div>
      </section>
    </>
  );
}
