-- What session prep and quick notes cost the database (bench/RESULTS.md, "Issue 13").
--
-- 1. Prep's method evidence (docs/domain.md, "Session prep") aggregated every effectiveness
--    record on each prep: 20 ms at 20,000 records, growing with every session ever measured.
--    method_evidence keeps the aggregate per (primary issue, method), adjusted by the writes
--    of coaching_effectiveness in their own transaction; prep reads its few rows.
-- 2. The coaching facts (0006, 0009) were recomputed at commit for every agent whose notes or
--    sessions a transaction wrote, although a note counts only while HIGH and unaddressed and
--    a session only once COMPLETED: every note, every prep and every autosave of a session's
--    notes paid a recount. The notes' and sessions' triggers now queue an agent only for rows
--    that count (before or after the change); a change to other rows cannot change the facts.
-- 3. coaching_session_json (0022) and quick_note_json (0023) are SQL functions with
--    subqueries, which PostgreSQL does not inline: every statement that called them planned
--    their bodies again (4 ms a session on the bench data, twice per prep). As PL/pgSQL they
--    keep their plans per connection.
-- 4. refresh_agent_coaching_facts planned its statement on every call (EXECUTE) also for a
--    few agents; that case is now static SQL, whose plan PL/pgSQL keeps.

-- 1 -------------------------------------------------------------------------------------------
CREATE TABLE method_evidence (
    primary_issue       VARCHAR(255) NOT NULL,
    intervention_method VARCHAR(255) NOT NULL,
    sessions            INTEGER NOT NULL,  -- no CHECK: a decrement is proposed as a row
    total_improvement   NUMERIC NOT NULL,  -- sum of improvement_percentage
    PRIMARY KEY (primary_issue, intervention_method)
);

-- The records that are evidence: measured (an improvement), with an issue and a method.
INSERT INTO method_evidence
SELECT primary_issue, intervention_method, count(*), sum(improvement_percentage)
  FROM coaching_effectiveness
 WHERE improvement_percentage IS NOT NULL
   AND primary_issue IS NOT NULL AND intervention_method IS NOT NULL
 GROUP BY 1, 2;

-- Adds to the aggregate: one row per changed record, its sign +1 (a record that now counts) or
-- -1 (one that no longer counts as it was); records without an improvement, an issue or a
-- method are not evidence. The keys are written in order: two transactions writing the same
-- keys lock them in the same order.
CREATE FUNCTION method_evidence_add(p_issues varchar[], p_methods varchar[],
                                    p_improvements numeric[], p_signs integer[])
RETURNS void LANGUAGE sql AS $fn$
    INSERT INTO method_evidence AS e
    SELECT c.issue, c.method, sum(c.sign), sum(c.sign * c.improvement)
      FROM unnest(p_issues, p_methods, p_improvements, p_signs) AS c(issue, method, improvement, sign)
     WHERE c.issue IS NOT NULL AND c.method IS NOT NULL AND c.improvement IS NOT NULL
     GROUP BY 1, 2
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.improvement) <> 0
     ORDER BY 1, 2
    ON CONFLICT (primary_issue, intervention_method) DO UPDATE
       SET sessions = e.sessions + EXCLUDED.sessions,
           total_improvement = e.total_improvement + EXCLUDED.total_improvement
$fn$;

-- One function for the three triggers: PL/pgSQL resolves new_rows and old_rows only when a
-- statement naming them runs, so each branch names the transition tables its trigger has.
CREATE FUNCTION method_evidence_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM method_evidence_add(array_agg(primary_issue), array_agg(intervention_method),
                                    array_agg(improvement_percentage), array_agg(1))
           FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM method_evidence_add(array_agg(primary_issue), array_agg(intervention_method),
                                    array_agg(improvement_percentage), array_agg(-1))
           FROM old_rows;
    ELSE
        PERFORM method_evidence_add(array_agg(issue), array_agg(method), array_agg(improvement),
                                    array_agg(sign))
           FROM (SELECT primary_issue, intervention_method, improvement_percentage, 1
                   FROM new_rows
                 UNION ALL
                 SELECT primary_issue, intervention_method, improvement_percentage, -1
                   FROM old_rows) c(issue, method, improvement, sign);
    END IF;
    RETURN NULL;
END;
$fn$;

CREATE TRIGGER method_evidence_ins AFTER INSERT ON coaching_effectiveness
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION method_evidence_apply();
CREATE TRIGGER method_evidence_upd AFTER UPDATE ON coaching_effectiveness
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION method_evidence_apply();
CREATE TRIGGER method_evidence_del AFTER DELETE ON coaching_effectiveness
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION method_evidence_apply();

-- 2 -------------------------------------------------------------------------------------------
-- The agents of a notes or sessions statement whose rows count for the facts, before or after
-- it: notes HIGH and unaddressed, sessions COMPLETED (refresh_agent_coaching_facts reads
-- nothing else of them). TG_ARGV[0] as agent_coaching_facts_touch.
CREATE FUNCTION coaching_facts_touch_counted() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_TABLE_NAME = 'quick_notes' THEN
        IF TG_ARGV[0] IN ('new', 'both') THEN
            INSERT INTO coaching_facts_queue (agent_id)
            SELECT DISTINCT agent_id FROM new_rows WHERE priority = 'HIGH' AND NOT addressed
            ON CONFLICT DO NOTHING;
        END IF;
        IF TG_ARGV[0] IN ('old', 'both') THEN
            INSERT INTO coaching_facts_queue (agent_id)
            SELECT DISTINCT agent_id FROM old_rows WHERE priority = 'HIGH' AND NOT addressed
            ON CONFLICT DO NOTHING;
        END IF;
    ELSE
        IF TG_ARGV[0] IN ('new', 'both') THEN
            INSERT INTO coaching_facts_queue (agent_id)
            SELECT DISTINCT agent_id FROM new_rows WHERE status = 'COMPLETED'
            ON CONFLICT DO NOTHING;
        END IF;
        IF TG_ARGV[0] IN ('old', 'both') THEN
            INSERT INTO coaching_facts_queue (agent_id)
            SELECT DISTINCT agent_id FROM old_rows WHERE status = 'COMPLETED'
            ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END;
$fn$;

DROP TRIGGER coaching_facts_sessions_ins ON coaching_sessions;
DROP TRIGGER coaching_facts_sessions_upd ON coaching_sessions;
DROP TRIGGER coaching_facts_sessions_del ON coaching_sessions;
DROP TRIGGER coaching_facts_notes_ins ON quick_notes;
DROP TRIGGER coaching_facts_notes_upd ON quick_notes;
DROP TRIGGER coaching_facts_notes_del ON quick_notes;
CREATE TRIGGER coaching_facts_sessions_ins AFTER INSERT ON coaching_sessions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coaching_facts_touch_counted('new');
CREATE TRIGGER coaching_facts_sessions_upd AFTER UPDATE ON coaching_sessions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coaching_facts_touch_counted('both');
CREATE TRIGGER coaching_facts_sessions_del AFTER DELETE ON coaching_sessions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coaching_facts_touch_counted('old');
CREATE TRIGGER coaching_facts_notes_ins AFTER INSERT ON quick_notes
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coaching_facts_touch_counted('new');
CREATE TRIGGER coaching_facts_notes_upd AFTER UPDATE ON quick_notes
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coaching_facts_touch_counted('both');
CREATE TRIGGER coaching_facts_notes_del AFTER DELETE ON quick_notes
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION coaching_facts_touch_counted('old');

-- 3 -------------------------------------------------------------------------------------------
-- As 0022's and 0023's, in PL/pgSQL; the session's effectiveness record (at most one) by two
-- scalar subqueries.
CREATE OR REPLACE FUNCTION coaching_session_json(cs coaching_sessions) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN json_build_object(
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
        'primary_issue', (SELECT e.primary_issue FROM coaching_effectiveness e
                          WHERE e.session_id = cs.id),
        'intervention_method', (SELECT e.intervention_method FROM coaching_effectiveness e
                                WHERE e.session_id = cs.id),
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
        'created_at', cs.created_at, 'updated_at', cs.updated_at);
END;
$$;

CREATE OR REPLACE FUNCTION quick_note_json(qn quick_notes) RETURNS json
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN json_build_object(
        'id', qn.id, 'agent_id', qn.agent_id,
        'agent_name', (SELECT name FROM users WHERE id = qn.agent_id),
        'team_leader_id', qn.team_leader_id, 'created_by', qn.created_by,
        'note_type', qn.note_type, 'category', qn.category, 'subcategory', qn.subcategory,
        'content', qn.content, 'call_id', qn.call_id, 'customer_id', qn.customer_id,
        'timestamp_occurred', qn.timestamp_occurred, 'priority', qn.priority,
        'requires_follow_up', qn.requires_follow_up, 'linked_session_id', qn.linked_session_id,
        'addressed', qn.addressed, 'addressed_date', qn.addressed_date,
        'addressed_notes', qn.addressed_notes, 'addressed_by', qn.addressed_by,
        'address_by', qn.address_by,
        'overdue', NOT qn.addressed AND qn.address_by < now(),
        'escalated_at', qn.escalated_at,
        'created_at', qn.created_at, 'updated_at', qn.updated_at);
END;
$$;

-- 4 -------------------------------------------------------------------------------------------
-- As 0006's, but one static statement (its plan kept by PL/pgSQL: a refresh of one agent, at
-- the commit of a note or a session, no longer plans); every agent is the array of them.
CREATE OR REPLACE FUNCTION refresh_agent_coaching_facts(p_agents uuid[] DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql
AS $fn$
DECLARE
    written bigint;
BEGIN
    PERFORM dashboard_refresh_lock(2, p_agents);
    IF p_agents IS NULL THEN
        p_agents := ARRAY(SELECT id FROM users WHERE role = 'AGENT' AND deleted_at IS NULL);
    END IF;
    INSERT INTO agent_coaching_facts AS f (
        agent_id, last_coaching_at, unaddressed_high_notes, overdue_action_items,
        open_due_dates, active_pip, computed_on)
    SELECT u.id,
           (SELECT max(coalesce(cs.actual_end_time, cs.scheduled_date))
              FROM coaching_sessions cs
             WHERE cs.agent_id = u.id AND cs.status = 'COMPLETED'),
           (SELECT count(*)
              FROM quick_notes qn
             WHERE qn.agent_id = u.id AND qn.addressed = FALSE AND qn.priority = 'HIGH'),
           (SELECT count(*)
              FROM action_items ai
             WHERE ai.agent_id = u.id
               AND ai.status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')
               AND (ai.status = 'OVERDUE' OR ai.due_date < CURRENT_DATE)),
           ARRAY(SELECT ai.due_date
                   FROM action_items ai
                  WHERE ai.agent_id = u.id
                    AND ai.status IN ('PENDING', 'IN_PROGRESS')
                    AND ai.due_date >= CURRENT_DATE
                  ORDER BY ai.due_date),
           EXISTS (SELECT 1 FROM action_plans ap
                    WHERE ap.agent_id = u.id AND ap.status IN ('ACTIVE', 'EXTENDED')),
           CURRENT_DATE
      FROM users u
     WHERE u.id = ANY (p_agents)
    ON CONFLICT (agent_id) DO UPDATE SET
        last_coaching_at       = EXCLUDED.last_coaching_at,
        unaddressed_high_notes = EXCLUDED.unaddressed_high_notes,
        overdue_action_items   = EXCLUDED.overdue_action_items,
        open_due_dates         = EXCLUDED.open_due_dates,
        active_pip             = EXCLUDED.active_pip,
        computed_on            = EXCLUDED.computed_on;
    GET DIAGNOSTICS written = ROW_COUNT;
    RETURN written;
END;
$fn$;
