import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { SessionType } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { FormField } from '../components/FormField';
import { AgentPicker } from './AgentPicker';
import { overlapConflicts } from './conflicts';
import { ConflictList } from './ConflictList';
import { useCreateSession } from './hooks';
import { SESSION_TYPES, sessionTypeLabel } from './labels';
import {
  createBody,
  emptySchedule,
  serverFieldErrors,
  validateSchedule,
  type ScheduleDraft,
} from './scheduleForm';
import { WhenFields } from './WhenFields';

const SHOWN_FIELDS = ['agent_id', 'scheduled_date', 'planned_minutes', 'session_type', 'topics_covered'];

/**
 * Schedules a session: agent, date and time (the user's clock), length, type, topics. An
 * overlap on the team leader's or the agent's calendar (409) lists the sessions already there
 * and offers to book anyway; success opens the new session.
 */
export function ScheduleForm({ initialAgentId }: { initialAgentId: string }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ScheduleDraft>(() => emptySchedule(initialAgentId));
  const [submitted, setSubmitted] = useState(false);
  const create = useCreateSession();

  const local = submitted ? validateSchedule(draft) : {};
  const errors = { ...serverFieldErrors(create.error), ...local };
  const conflicts = overlapConflicts(create.error);
  const otherDetails =
    create.error?.status === 422
      ? create.error.details.filter((d) => !SHOWN_FIELDS.includes(d.field.replace(/\[\d+\]$/, '')))
      : [];

  function change(next: Partial<ScheduleDraft>) {
    // What the server said was about the form as it was.
    if (create.error) create.reset();
    setDraft((d) => ({ ...d, ...next }));
  }

  function submit(allowOverlap: boolean) {
    setSubmitted(true);
    if (Object.keys(validateSchedule(draft)).length > 0) return;
    const body = createBody(draft, allowOverlap);
    if (!body) return;
    create.mutate(body, {
      onSuccess: ({ session }) => void navigate(`/sessions/${encodeURIComponent(session.id)}`),
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit(false);
  }

  return (
    <form className="form sessions-form" noValidate onSubmit={onSubmit} aria-label="Schedule a session">
      <AgentPicker
        value={draft.agentId || null}
        onChange={(id) => change({ agentId: id ?? '' })}
        error={errors.agent}
      />
      <WhenFields draft={draft} onChange={change} errors={errors} />
      <FormField label="Type" error={errors.type}>
        {(control) => (
          <select
            {...control}
            value={draft.type}
            onChange={(e) => change({ type: e.target.value as SessionType })}
          >
            {SESSION_TYPES.map((t) => (
              <option key={t} value={t}>
                {sessionTypeLabel(t)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Topics to cover (optional)" hint="One per line." error={errors.topics}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            value={draft.topics}
            onChange={(e) => change({ topics: e.target.value })}
          />
        )}
      </FormField>
      {conflicts && (
        <ConflictList
          conflicts={conflicts}
          action={
            <button
              type="button"
              className="button button-secondary"
              onClick={() => submit(true)}
              disabled={create.isPending}
            >
              {create.isPending ? 'Booking…' : 'Book anyway'}
            </button>
          }
        />
      )}
      {create.error && !conflicts && (
        <ErrorAlert title="The session was not scheduled">
          <p>{create.error.message}</p>
          {create.error.status === 422 && otherDetails.length < create.error.details.length && (
            <p>See the marked fields.</p>
          )}
          {otherDetails.map((d) => (
            <p key={`${d.field}:${d.message}`}>
              {d.field} {d.message}
            </p>
          ))}
        </ErrorAlert>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending && !conflicts ? 'Scheduling…' : 'Schedule session'}
        </button>
      </div>
    </form>
  );
}
