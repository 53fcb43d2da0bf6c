import type { AgentOverview } from '../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { ErrorAlert } from '../components/ErrorAlert';
import { LoadingState } from '../components/LoadingState';
import { formatDay } from '../format/performance';
import { statusLabel } from '../format/labels';
import { useUser } from './hooks';

interface Props {
  agent: AgentOverview['agent'];
}

/**
 * The team leader's name: the viewer's own when they lead this agent; a manager or an admin
 * may read the team leader; an agent may read only themselves, so it is not asked for then.
 */
function useTeamLeaderName(teamLeaderId: string | null): string | null | undefined {
  const me = useCurrentUser();
  const own = teamLeaderId !== null && teamLeaderId === me.id;
  const mayRead = me.role === 'ADMIN' || me.role === 'MANAGER';
  const leader = useUser(teamLeaderId, !own && mayRead);
  if (teamLeaderId === null) return null;
  if (own) return me.name;
  if (!mayRead) return undefined;
  return leader.data?.name ?? (leader.isError ? null : undefined);
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="profile-row">
      <dt>{label}</dt>
      <dd>{value ? value : <span className="muted">Not set</span>}</dd>
    </div>
  );
}

/** Name, contact, team leader, hire date, shift and learning style. */
export function AgentProfile({ agent }: Props) {
  const user = useUser(agent.id);
  const me = useCurrentUser();
  const leader = useTeamLeaderName(agent.team_leader_id);
  const showLeader = me.role !== 'AGENT';
  return (
    <section className="card profile" aria-labelledby="agent-profile-heading">
      <div className="card-header">
        <h2 id="agent-profile-heading">Profile</h2>
      </div>
      {user.isPending ? (
        <LoadingState label="Loading the profile…" />
      ) : user.isError ? (
        <ErrorAlert title="Could not load the profile">
          <p>{user.error.message}</p>
        </ErrorAlert>
      ) : (
        <dl className="profile-list">
          <Row label="Name" value={user.data.name} />
          <div className="profile-row">
            <dt>Email</dt>
            <dd>
              <a href={`mailto:${user.data.email}`}>{user.data.email}</a>
            </dd>
          </div>
          {showLeader && (
            <Row
              label="Team leader"
              value={leader === undefined ? '…' : (leader ?? null)}
            />
          )}
          <Row label="Status" value={statusLabel(user.data.status)} />
          <Row label="Employee ID" value={user.data.employee_id} />
          <Row label="Department" value={user.data.department} />
          <Row label="Hire date" value={user.data.hire_date ? formatDay(user.data.hire_date, 'long') : null} />
          <Row label="Shift" value={user.data.shift_pattern} />
          <Row label="Learning style" value={user.data.learning_style} />
        </dl>
      )}
    </section>
  );
}
