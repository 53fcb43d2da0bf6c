import { lazy, Suspense } from 'react';
import { isApiError } from '../api/client';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { AgentNotFound } from './AgentNotFound';
import { AgentProfile } from './AgentProfile';
import { ContactFigures } from './ContactFigures';
import { DailyTrends } from './DailyTrends';
import { HistorySection } from './HistorySection';
import { useAgentOverview } from './hooks';
import { Scorecard } from './Scorecard';

// Quick notes are for the people who coach (never shown to agents): their own chunk.
const AgentNotesSection = lazy(() =>
  import('../notes/AgentNotesSection').then((m) => ({ default: m.AgentNotesSection })),
);

interface Props {
  agentId: string;
  /** The signed-in agent's own page ("My scorecard") rather than another person's. */
  mine?: boolean;
}

/** Statuses that mean "there is no such agent for you" (a malformed id included). */
function isNotFound(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 400 || error.status === 422);
}

/** An agent's scorecard, contact figures, daily trends, history and profile. */
export function AgentView({ agentId, mine = false }: Props) {
  const overview = useAgentOverview(agentId);
  const viewer = useCurrentUser();
  const fallbackTitle = mine ? 'My scorecard' : 'Agent';

  if (overview.isPending) {
    return (
      <>
        <PageHeader title={fallbackTitle} />
        <LoadingState label="Loading the scorecard…" />
      </>
    );
  }
  if (overview.isError) {
    if (isNotFound(overview.error)) return <AgentNotFound />;
    return (
      <>
        <PageHeader title={fallbackTitle} />
        <ErrorAlert
          title="Could not load the scorecard"
          action={
            <button type="button" className="button button-secondary" onClick={() => void overview.refetch()}>
              Try again
            </button>
          }
        >
          <p>{overview.error.message}</p>
        </ErrorAlert>
      </>
    );
  }

  const data = overview.data;
  const { agent } = data;
  return (
    <>
      <PageHeader
        title={mine ? 'My scorecard' : agent.name}
        description={
          <span className="agent-subtitle">
            {mine ? agent.name : 'Agent'}
            {agent.employee_id && <span className="mono"> · {agent.employee_id}</span>}{' '}
            <StatusBadge status={agent.status} />
          </span>
        }
      />
      <Scorecard
        scorecard={data.scorecard}
        percentiles={data.percentile_ranking}
        percentilesAsOf={data.percentile_as_of}
      />
      <ContactFigures agentId={agent.id} scorecard={data.scorecard} asOf={data.as_of} />
      {!mine && viewer.role !== 'AGENT' && (
        <Suspense fallback={null}>
          <AgentNotesSection agentId={agent.id} />
        </Suspense>
      )}
      <DailyTrends
        agentId={agent.id}
        overview={data}
        teamLeaderId={!mine && viewer.role !== 'AGENT' ? agent.team_leader_id : null}
      />
      <HistorySection agentId={agent.id} today={data.as_of} />
      <AgentProfile agent={agent} />
    </>
  );
}
