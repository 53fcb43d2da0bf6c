-- Coaching sessions as the API runs them, and in-app notifications (docs/domain.md,
-- "Coaching sessions", "Notifications").

-- A scheduled session's planned length: the team leader's and the agent's calendars are
-- checked for overlap over [scheduled_date, scheduled_date + planned_minutes).
ALTER TABLE coaching_sessions
    ADD COLUMN planned_minutes INTEGER NOT NULL DEFAULT 30
        CHECK (planned_minutes BETWEEN 5 AND 480),
    -- Who scheduled it (the team leader, or a manager or admin for them).
    ADD COLUMN created_by UUID REFERENCES users (id),
    -- The outcome in the team leader's words, written on completion.
    ADD COLUMN summary TEXT,
    -- Optimistic concurrency: the ETag of GET, checked by PATCH's If-Match. Every UPDATE bumps
    -- it (trigger below), whoever writes: a page open during a change never overwrites it.
    ADD COLUMN version INTEGER NOT NULL DEFAULT 1,
    -- Earlier times of a rescheduled session, oldest first:
    -- [{"scheduled_date", "planned_minutes", "changed_at", "changed_by"}].
    ADD COLUMN schedule_history JSONB NOT NULL DEFAULT '[]'::jsonb,
    -- The agent's answer after completion: acknowledged, or disputed with a comment.
    ADD COLUMN acknowledgement TEXT
        CHECK (acknowledgement IN ('ACKNOWLEDGED', 'DISPUTED')),
    ADD COLUMN acknowledgement_comment TEXT,
    ADD COLUMN acknowledged_at TIMESTAMPTZ,
    -- When the agent was asked to answer: set when the session is completed in the app
    -- (sessions completed before, imported or recorded elsewhere are not asked about).
    ADD COLUMN acknowledgement_requested_at TIMESTAMPTZ,
    -- When the agent was reminded to answer (the reminder job sends one, once).
    ADD COLUMN acknowledgement_reminded_at TIMESTAMPTZ,
    ADD CONSTRAINT coaching_sessions_dispute_has_comment
        CHECK (acknowledgement IS DISTINCT FROM 'DISPUTED'
               OR coalesce(btrim(acknowledgement_comment), '') <> ''),
    ADD CONSTRAINT coaching_sessions_acknowledged_when_completed
        CHECK (acknowledgement IS NULL OR status = 'COMPLETED');

CREATE INDEX idx_sessions_created_by ON coaching_sessions (created_by); -- FK index
-- The reminder job: completed sessions still waiting for the agent's answer.
CREATE INDEX idx_sessions_unacknowledged ON coaching_sessions (acknowledgement_requested_at)
    WHERE status = 'COMPLETED' AND acknowledgement IS NULL
      AND acknowledgement_requested_at IS NOT NULL AND acknowledgement_reminded_at IS NULL;

CREATE FUNCTION bump_coaching_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version = OLD.version + 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER bump_coaching_sessions_version
    BEFORE UPDATE ON coaching_sessions
    FOR EACH ROW EXECUTE FUNCTION bump_coaching_session_version();

-- One effectiveness record per session (written when it completes); records without a
-- session stay allowed (NULLs are distinct). Also the foreign key's index.
CREATE UNIQUE INDEX idx_effectiveness_one_per_session ON coaching_effectiveness (session_id);
DROP INDEX idx_effectiveness_session;

-- A session as the API shows it (docs/domain.md, "Coaching sessions"): its columns, the
-- agent's and team leader's names, its effectiveness record's issue and method, the action
-- items agreed in it and the quick notes linked to it. One function, read by every sessions statement.
CREATE FUNCTION coaching_session_json(cs coaching_sessions) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT json_build_object(
    'id', cs.id, 'agent_id', cs.agent_id,
    'agent_name', (SELECT name FROM users WHERE id = cs.agent_id),
    'team_leader_id', cs.team_leader_id,
    'team_leader_name', (SELECT name FROM users WHERE id = cs.team_leader_id),
    'created_by', cs.created_by,
    'scheduled_date', cs.scheduled_date, 'planned_minutes', cs.planned_minutes,
    'actual_start_time', cs.actual_start_time, 'actual_end_time', cs.actual_end_time,
    'duration_minutes', cs.duration_minutes,
    'session_type', cs.session_type, 'status', cs.status,
    'prep_data', cs.prep_data,
    'topics_covered', cs.topics_covered, 'discussion_notes', cs.discussion_notes,
    'agent_commitments', cs.agent_commitments, 'resources_shared', cs.resources_shared,
    'engagement_score', cs.engagement_score, 'receptiveness_score', cs.receptiveness_score,
    'understanding_score', cs.understanding_score,
    'overall_effectiveness', cs.overall_effectiveness,
    'summary', cs.summary, 'key_achievements', cs.key_achievements,
    'areas_of_concern', cs.areas_of_concern,
    'follow_up_required', cs.follow_up_required, 'follow_up_date', cs.follow_up_date,
    'follow_up_topics', cs.follow_up_topics,
    'cancelled_reason', cs.cancelled_reason, 'no_show_reason', cs.no_show_reason,
    'primary_issue', e.primary_issue, 'intervention_method', e.intervention_method,
    'schedule_history', cs.schedule_history,
    'acknowledgement_requested_at', cs.acknowledgement_requested_at,
    'acknowledgement', cs.acknowledgement,
    'acknowledgement_comment', cs.acknowledgement_comment,
    'acknowledged_at', cs.acknowledged_at,
    'action_items', coalesce((SELECT json_agg(json_build_object(
                                         'id', ai.id, 'title', ai.title,
                                         'description', ai.description,
                                         'due_date', ai.due_date, 'priority', ai.priority,
                                         'status', ai.status) ORDER BY ai.due_date, ai.id)
                                FROM action_items ai WHERE ai.session_id = cs.id),
                             '[]'::json),
    'linked_note_ids', coalesce((SELECT json_agg(qn.id ORDER BY qn.created_at)
                                   FROM quick_notes qn WHERE qn.linked_session_id = cs.id),
                                '[]'::json),
    'version', cs.version,
    'created_at', cs.created_at, 'updated_at', cs.updated_at)
  FROM (SELECT 1) one
  LEFT JOIN coaching_effectiveness e ON e.session_id = cs.id
$$;

-- ---------------------------------------------------------------------------
-- notifications: what the app tells one user (the bell). Written in the transaction of the
-- event that causes it; mail for the same event goes through mail_outbox.
-- ---------------------------------------------------------------------------
CREATE TABLE notifications (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    recipient_id UUID NOT NULL REFERENCES users (id),
    -- session_scheduled, session_changed, session_cancelled, session_completed,
    -- session_acknowledged, session_disputed, no_shows, note_escalated, acknowledgement_due
    kind         VARCHAR(50) NOT NULL,
    subject      TEXT NOT NULL,
    link         TEXT,  -- the web app's path to open, e.g. /sessions/<id>
    read_at      TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The bell: a recipient's notifications, unread first, newest first (the list's key).
CREATE INDEX idx_notifications_recipient
    ON notifications (recipient_id, (read_at IS NOT NULL), created_at DESC, id DESC);

CREATE TRIGGER update_notifications_updated_at
    BEFORE UPDATE ON notifications
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Tells user p_recipient (if still there) something: a notification, and the same by mail
-- (mail_outbox) unless the recipient is TERMINATED; p_link is the web app's path, put after
-- p_public_url in the mail. The one way every event and job notifies (notifications/notify.hpp).
CREATE FUNCTION coach_notify(p_recipient uuid, p_kind text, p_subject text, p_link text,
                             p_public_url text) RETURNS void
LANGUAGE sql VOLATILE AS $$
INSERT INTO notifications (recipient_id, kind, subject, link)
SELECT u.id, p_kind, p_subject, p_link FROM users u
 WHERE u.id = p_recipient AND u.deleted_at IS NULL;
INSERT INTO mail_outbox (to_address, subject, body_text, kind)
SELECT u.email, p_subject,
       p_subject || CASE WHEN p_link IS NULL THEN ''
                         ELSE E'\n\nOpen Coach: ' || p_public_url || p_link END,
       'notification:' || p_kind
  FROM users u
 WHERE u.id = p_recipient AND u.deleted_at IS NULL AND u.status <> 'TERMINATED';
$$;
