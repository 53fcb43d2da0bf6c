-- Timestamps in JSON are RFC 3339 in UTC with "Z", whatever the session's time zone (issue 15;
-- docs/architecture.md, "JSON"). Sessions keep running in the organisation's zone, so dates and
-- "today" stay the organisation's; only the writing of a timestamptz into JSON changes. Before
-- this, json_build_object, to_json and row_to_json wrote the session zone's offset
-- ("2026-12-01T04:31:00+14:00"), and a connection opened before a zone change wrote the old one.

-- 1 -------------------------------------------------------------------------------------------
-- ts as a JSON text would write it (fraction only when there is one, trailing zeros dropped),
-- at UTC with "Z": '2026-11-30T14:31:00Z', '2026-01-01T00:00:00.12Z'; NULL for NULL. Plain SQL,
-- STABLE (to_json is), one reference to ts: PostgreSQL inlines it. to_json of a timestamp is a
-- JSON string without escapes whatever DateStyle is, so trimming its quotes gives its text.
CREATE FUNCTION utc_json(ts timestamptz) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT btrim(to_json(ts AT TIME ZONE 'UTC')::text, '"') || 'Z'
$$;

-- 2 -------------------------------------------------------------------------------------------
-- As 0016's, its timestamps through utc_json.
CREATE OR REPLACE FUNCTION user_json(u users) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT json_build_object(
    'id', u.id, 'email', u.email, 'name', u.name, 'role', u.role,
    'team_leader_id', u.team_leader_id, 'manager_id', u.manager_id,
    'department', u.department, 'employee_id', u.employee_id, 'hire_date', u.hire_date,
    'phone', u.phone, 'avatar_url', u.avatar_url, 'status', u.status,
    'learning_style', u.learning_style, 'shift_pattern', u.shift_pattern,
    'timezone', u.timezone, 'last_login_at', utc_json(u.last_login_at),
    'created_at', utc_json(u.created_at), 'updated_at', utc_json(u.updated_at),
    'deleted_at', utc_json(u.deleted_at))
$$;

-- As 0017's, its timestamps through utc_json.
CREATE OR REPLACE FUNCTION import_log_json(l import_logs) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT json_build_object(
    'id', l.id, 'file_name', l.file_name, 'file_size_bytes', l.file_size_bytes,
    'file_hash', l.file_hash, 'import_type', l.import_type, 'imported_by', l.imported_by,
    'mode', l.mode, 'dry_run', l.dry_run, 'status', l.status,
    'total_rows', l.total_rows, 'processed_rows', l.processed_rows,
    'successful_rows', l.successful_rows, 'inserted_rows', l.inserted_rows,
    'updated_rows', l.updated_rows, 'skipped_rows', l.skipped_rows,
    'failed_rows', l.failed_rows, 'started_at', utc_json(l.started_at),
    'completed_at', utc_json(l.completed_at),
    'processing_time_seconds', l.processing_time_seconds, 'error_summary', l.error_summary,
    'rollback_available', l.rollback_available,
    'rollback_executed_at', utc_json(l.rollback_executed_at),
    'rollback_executed_by', l.rollback_executed_by,
    'created_at', utc_json(l.created_at), 'updated_at', utc_json(l.updated_at))
$$;

-- 3 -------------------------------------------------------------------------------------------
-- JSON stored before this migration keeps the offset it was written with: a session's
-- schedule_history entries (scheduled_date, changed_at) and its prep_data (the notes'
-- created_at, the last session's date). Those rows are not rewritten (an UPDATE would bump
-- their version, and clients' ETags with it): they are written at UTC on read, here.

-- A session's schedule_history with each entry's scheduled_date and changed_at at UTC.
CREATE FUNCTION utc_schedule_history(h jsonb) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT CASE WHEN jsonb_array_length(h) = 0 THEN h
            ELSE (SELECT jsonb_agg(e || jsonb_build_object(
                                       'scheduled_date',
                                       utc_json((e ->> 'scheduled_date')::timestamptz),
                                       'changed_at', utc_json((e ->> 'changed_at')::timestamptz))
                                   ORDER BY i)
                    FROM jsonb_array_elements(h) WITH ORDINALITY AS x (e, i)) END
$$;

-- A session's prep_data (sessions/routes.cpp, build_prep's JSON) with its unaddressed notes'
-- created_at and its last session's date at UTC; generated_at was always UTC. A prep without
-- those members is returned as it is.
CREATE FUNCTION utc_prep_data(p jsonb) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT p
       || CASE WHEN jsonb_typeof(p -> 'unaddressed_notes') = 'array'
                AND jsonb_array_length(p -> 'unaddressed_notes') > 0
               THEN jsonb_build_object('unaddressed_notes', (
                        SELECT jsonb_agg(
                                   CASE WHEN n ? 'created_at'
                                        THEN n || jsonb_build_object(
                                                 'created_at',
                                                 utc_json((n ->> 'created_at')::timestamptz))
                                        ELSE n END
                                   ORDER BY i)
                          FROM jsonb_array_elements(p -> 'unaddressed_notes')
                               WITH ORDINALITY AS x (n, i)))
               ELSE '{}'::jsonb END
       || CASE WHEN jsonb_typeof(p -> 'last_session') = 'object'
                AND (p -> 'last_session') ? 'date'
               THEN jsonb_build_object('last_session', (p -> 'last_session')
                        || jsonb_build_object('date',
                               utc_json((p #>> '{last_session,date}')::timestamptz)))
               ELSE '{}'::jsonb END
$$;

-- As 0024's (PL/pgSQL), its timestamps through utc_json, schedule_history and prep_data through
-- the two functions above.
CREATE OR REPLACE FUNCTION coaching_session_json(cs coaching_sessions) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN json_build_object(
        'id', cs.id, 'agent_id', cs.agent_id,
        'agent_name', (SELECT name FROM users WHERE id = cs.agent_id),
        'team_leader_id', cs.team_leader_id,
        'team_leader_name', (SELECT name FROM users WHERE id = cs.team_leader_id),
        'created_by', cs.created_by,
        'scheduled_date', utc_json(cs.scheduled_date), 'planned_minutes', cs.planned_minutes,
        'actual_start_time', utc_json(cs.actual_start_time),
        'actual_end_time', utc_json(cs.actual_end_time),
        'duration_minutes', cs.duration_minutes,
        'session_type', cs.session_type, 'status', cs.status,
        'prep_data', utc_prep_data(cs.prep_data),
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
        'primary_issue', (SELECT e.primary_issue FROM coaching_effectiveness e
                          WHERE e.session_id = cs.id),
        'intervention_method', (SELECT e.intervention_method FROM coaching_effectiveness e
                                WHERE e.session_id = cs.id),
        'schedule_history', utc_schedule_history(cs.schedule_history),
        'acknowledgement_requested_at', utc_json(cs.acknowledgement_requested_at),
        'acknowledgement', cs.acknowledgement,
        'acknowledgement_comment', cs.acknowledgement_comment,
        'acknowledged_at', utc_json(cs.acknowledged_at),
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
        'created_at', utc_json(cs.created_at), 'updated_at', utc_json(cs.updated_at));
END;
$$;

-- As 0024's (PL/pgSQL), its timestamps through utc_json.
CREATE OR REPLACE FUNCTION quick_note_json(qn quick_notes) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN json_build_object(
        'id', qn.id, 'agent_id', qn.agent_id,
        'agent_name', (SELECT name FROM users WHERE id = qn.agent_id),
        'team_leader_id', qn.team_leader_id, 'created_by', qn.created_by,
        'note_type', qn.note_type, 'category', qn.category, 'subcategory', qn.subcategory,
        'content', qn.content, 'call_id', qn.call_id, 'customer_id', qn.customer_id,
        'timestamp_occurred', utc_json(qn.timestamp_occurred), 'priority', qn.priority,
        'requires_follow_up', qn.requires_follow_up, 'linked_session_id', qn.linked_session_id,
        'addressed', qn.addressed, 'addressed_date', utc_json(qn.addressed_date),
        'addressed_notes', qn.addressed_notes, 'addressed_by', qn.addressed_by,
        'address_by', utc_json(qn.address_by),
        'overdue', NOT qn.addressed AND qn.address_by < now(),
        'escalated_at', utc_json(qn.escalated_at),
        'created_at', utc_json(qn.created_at), 'updated_at', utc_json(qn.updated_at));
END;
$$;

-- 4 -------------------------------------------------------------------------------------------
-- As 0018's, last_coaching_at as utc_json's text (the dashboards write it into the cards as it
-- is); the days since are still counted from the timestamptz, in the session's (the
-- organisation's) zone. The return type changes: dropped and created again. The statements
-- that read it (team_dashboard, its prefetched form, manager_cards) select c.* by name.
DROP FUNCTION team_cards(uuid);
CREATE FUNCTION team_cards(p_team_leader uuid)
RETURNS TABLE (agent_id uuid, name varchar, employee_id varchar, status user_status, card text,
               performance_level performance_level, avg30_composite_score numeric,
               composite_trend metric_trend, declining_metrics text[],
               last_coaching_at text, days_since_last_coaching integer,
               unaddressed_high_notes integer, overdue_action_items integer,
               active_pip boolean)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT a.id, a.name, a.employee_id, a.status,
       s.card, s.performance_level,
       s.avg30_composite_score, s.composite_trend, s.declining_metrics,
       utc_json(f.last_coaching_at),
       CASE WHEN f.last_coaching_at IS NOT NULL
            THEN greatest(0, CURRENT_DATE - f.last_coaching_at::date) END,
       coalesce(f.unaddressed_high_notes, 0),
       coalesce(f.overdue_action_items + width_bucket(CURRENT_DATE - 1, f.open_due_dates), 0),
       coalesce(f.active_pip, false)
  FROM users a
  LEFT JOIN LATERAL (
      SELECT s.card, s.performance_level,
             s.avg30_composite_score, s.composite_trend, s.declining_metrics
        FROM agent_dashboard_snapshot s
       WHERE s.agent_id = a.id
      OFFSET 0) s ON true
  LEFT JOIN LATERAL (
      SELECT f.last_coaching_at, f.unaddressed_high_notes, f.overdue_action_items,
             f.open_due_dates, f.active_pip
        FROM agent_coaching_facts f
       WHERE f.agent_id = a.id
      OFFSET 0) f ON true
 WHERE a.team_leader_id = p_team_leader
   AND a.role = 'AGENT'
   AND a.deleted_at IS NULL
   AND a.status <> 'TERMINATED'
$$;
