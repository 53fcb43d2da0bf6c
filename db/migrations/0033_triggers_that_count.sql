-- Writes that change nothing the derived figures read no longer call a trigger function
-- (bench/RESULTS.md, "Issue 13: plans kept").
--
-- The statement triggers of 0024 (coaching facts) and 0031 (history annotations) run a
-- PL/pgSQL function on every statement of their tables, and the function then finds in the
-- transition tables that nothing counts: 0.3 ms of a session prep's 2.7 (a prep, an autosave
-- of a session's notes, an acknowledgement), 0.1 ms of every MEDIUM or LOW note. Row triggers
-- with a WHEN clause are skipped by the executor itself when the row does not count. They
-- replace:
--   - the UPDATE triggers of coaching_sessions (facts: a COMPLETED session's agent and time;
--     history: a COMPLETED session's agent, day and type, as 0031 compares them);
--   - the INSERT trigger of quick_notes (facts: a HIGH, unaddressed note).
-- The other statements keep their statement triggers (a bulk insert or delete of sessions
-- still queues its agents in one statement); what is queued is the same as before.

-- Facts: queue the agent of OLD and of NEW (the same agent, or the one a session moved from).
CREATE FUNCTION coaching_facts_touch_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO coaching_facts_queue (agent_id) VALUES (NEW.agent_id) ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' AND OLD.agent_id <> NEW.agent_id THEN
        INSERT INTO coaching_facts_queue (agent_id) VALUES (OLD.agent_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$fn$;

DROP TRIGGER coaching_facts_sessions_upd ON coaching_sessions;
CREATE TRIGGER coaching_facts_sessions_upd AFTER UPDATE ON coaching_sessions
    FOR EACH ROW
    WHEN ((OLD.status = 'COMPLETED' OR NEW.status = 'COMPLETED')
          AND (OLD.status, OLD.agent_id, OLD.actual_end_time, OLD.scheduled_date)
              IS DISTINCT FROM (NEW.status, NEW.agent_id, NEW.actual_end_time, NEW.scheduled_date))
    EXECUTE FUNCTION coaching_facts_touch_row();

DROP TRIGGER coaching_facts_notes_ins ON quick_notes;
CREATE TRIGGER coaching_facts_notes_ins AFTER INSERT ON quick_notes
    FOR EACH ROW WHEN (NEW.priority = 'HIGH' AND NOT NEW.addressed)
    EXECUTE FUNCTION coaching_facts_touch_row();

-- History: the (agent, day) of a COMPLETED session before and after, dated as 0031 dates them.
CREATE FUNCTION derived_queue_session_row() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO derived_refresh_queue (kind, agent_id, day)
    SELECT DISTINCT 'history', e.agent_id, e.day
      FROM (VALUES (OLD.status, OLD.agent_id,
                    coalesce(OLD.actual_start_time, OLD.scheduled_date)::date),
                   (NEW.status, NEW.agent_id,
                    coalesce(NEW.actual_start_time, NEW.scheduled_date)::date))
           AS e (status, agent_id, day)
     WHERE e.status = 'COMPLETED'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$fn$;

DROP TRIGGER derived_history_sessions_upd ON coaching_sessions;
CREATE TRIGGER derived_history_sessions_upd AFTER UPDATE ON coaching_sessions
    FOR EACH ROW
    WHEN ((OLD.status = 'COMPLETED' OR NEW.status = 'COMPLETED')
          AND (OLD.status, OLD.agent_id, OLD.actual_start_time, OLD.scheduled_date,
               OLD.session_type)
              IS DISTINCT FROM (NEW.status, NEW.agent_id, NEW.actual_start_time,
                                NEW.scheduled_date, NEW.session_type))
    EXECUTE FUNCTION derived_queue_session_row();

-- 0031's statement function now serves only INSERT and DELETE: its UPDATE branch is gone.
CREATE OR REPLACE FUNCTION derived_queue_session_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id,
               coalesce(actual_start_time, scheduled_date)::date
          FROM new_rows WHERE status = 'COMPLETED'
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id,
               coalesce(actual_start_time, scheduled_date)::date
          FROM old_rows WHERE status = 'COMPLETED'
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$fn$;
