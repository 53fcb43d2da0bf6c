import type { Ref } from 'react';
import type { CoachingSession } from '../api/types';
import { formatCalendarDate, formatDateTime } from './dates';
import { actionStatusLabel, methodLabel, primaryIssueLabel, priorityLabel } from './labels';
import { Block, List, Text } from './SessionBlocks';

/** The agent's answer: acknowledged, disputed (with why), or still awaited. */
export function AgentAnswer({ session, self = false }: { session: CoachingSession; self?: boolean }) {
  const who = self ? 'You' : session.agent_name;
  if (session.acknowledgement === 'ACKNOWLEDGED') {
    return (
      <p className="sessions-answer sessions-answer-ok">
        <span aria-hidden="true">✓ </span>
        {who} acknowledged this session
        {session.acknowledged_at && <> on {formatDateTime(session.acknowledged_at)}</>}.
        {session.acknowledgement_comment && <> Comment: “{session.acknowledgement_comment}”</>}
      </p>
    );
  }
  if (session.acknowledgement === 'DISPUTED') {
    return (
      <div className="sessions-answer sessions-answer-disputed">
        <p>
          <span aria-hidden="true">! </span>
          {who} disputed this session
          {session.acknowledged_at && <> on {formatDateTime(session.acknowledged_at)}</>}:
        </p>
        <p className="sessions-text">{session.acknowledgement_comment}</p>
      </div>
    );
  }
  if (self) return <p className="muted">You have not answered yet.</p>;
  return <p className="muted">Waiting for {session.agent_name} to acknowledge or dispute it.</p>;
}

export function ActionItemsTable({ session }: { session: CoachingSession }) {
  if (session.action_items.length === 0) return <p className="muted">No action items were agreed.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Action items agreed in this session</caption>
        <thead>
          <tr>
            <th scope="col">Action item</th>
            <th scope="col">Due</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {session.action_items.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="sessions-item-title">
                {item.title}
                {item.description && <span className="muted sessions-item-description">{item.description}</span>}
              </th>
              <td>{formatCalendarDate(item.due_date)}</td>
              <td>{priorityLabel(item.priority)}</td>
              <td>{actionStatusLabel(item.status)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Props {
  session: CoachingSession;
  /** The coached agent reads it: "You acknowledged…". */
  self?: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** A completed session: its outcome, effectiveness record, notes, action items and the answer. */
export function SessionOutcome({ session, self = false, headingRef }: Props) {
  return (
    <section className="card" aria-labelledby="outcome-heading">
      <div className="card-header">
        <h2 id="outcome-heading" ref={headingRef} tabIndex={-1}>
          Outcome
        </h2>
      </div>
      <div className="card-body stack">
        <Block label="Summary">
          <Text text={session.summary} />
        </Block>
        <Block label="Acknowledgement">
          <AgentAnswer session={session} self={self} />
        </Block>
        <Block label="Strengths">
          <Text text={session.key_achievements} />
        </Block>
        <Block label="Areas to improve">
          <Text text={session.areas_of_concern} />
        </Block>
        <Block label="Follow-up topics">
          <List items={session.follow_up_topics} />
        </Block>
        <dl className="profile-list">
          <div className="profile-row">
            <dt>Primary issue</dt>
            <dd>{session.primary_issue ? primaryIssueLabel(session.primary_issue) : '—'}</dd>
          </div>
          <div className="profile-row">
            <dt>Intervention method</dt>
            <dd>{session.intervention_method ? methodLabel(session.intervention_method) : '—'}</dd>
          </div>
        </dl>
        <Block label="Action items">
          <ActionItemsTable session={session} />
        </Block>
        <Block label="Topics covered">
          <List items={session.topics_covered} />
        </Block>
        <Block label="Discussion notes">
          <Text text={session.discussion_notes} />
        </Block>
        <Block label="Agent commitments">
          <Text text={session.agent_commitments} />
        </Block>
      </div>
    </section>
  );
}

/** A session not completed, as its readers see it: the topics and notes so far. */
export function SessionNotesReadOnly({ session }: { session: CoachingSession }) {
  const any =
    (session.topics_covered?.length ?? 0) > 0 || !!session.discussion_notes || !!session.agent_commitments;
  if (!any) return null;
  return (
    <section className="card" aria-labelledby="notes-ro-heading">
      <div className="card-header">
        <h2 id="notes-ro-heading">Notes</h2>
      </div>
      <div className="card-body stack">
        <Block label="Topics">
          <List items={session.topics_covered} />
        </Block>
        {session.discussion_notes && (
          <Block label="Discussion notes">
            <Text text={session.discussion_notes} />
          </Block>
        )}
        {session.agent_commitments && (
          <Block label="Agent commitments">
            <Text text={session.agent_commitments} />
          </Block>
        )}
      </div>
    </section>
  );
}
