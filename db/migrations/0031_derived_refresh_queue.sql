-- Figures derived population-wide (percentiles) or from coaching events (history annotations)
-- are brought up to date within seconds of the change, not at night (docs/architecture.md,
-- "Derived data"). The writer's transaction only queues what changed, through statement
-- triggers; a drainer on each server (jobs/derived.cpp) takes the queue rows and refreshes
-- them in one transaction under the job's advisory lock. Percentiles are not refreshed at
-- commit like the coaching facts (0009): one run ranks every agent (a tenth of a second or
-- more), which would be paid by every metrics write. The nightly jobs stay as a safety net.

-- What is owed. Logged (not UNLOGGED as 0009's queue): rows outlive a crash of the drainer,
-- which then refreshes them at its next tick. 'percentiles': one row per writing transaction
-- (agent_id and day NULL); 'history': the agent and the day of a coaching event.
CREATE TABLE derived_refresh_queue (
    id       bigserial PRIMARY KEY,
    kind     text NOT NULL CHECK (kind IN ('percentiles', 'history')),
    agent_id uuid,
    day      date,
    txid     xid8 NOT NULL DEFAULT pg_current_xact_id(),
    CHECK ((kind = 'history') = (agent_id IS NOT NULL AND day IS NOT NULL))
);
-- Every statement of a transaction inserts its row; these make the later ones no-ops
-- (ON CONFLICT DO NOTHING) without two transactions ever conflicting.
CREATE UNIQUE INDEX derived_refresh_queue_percentiles ON derived_refresh_queue (txid)
    WHERE kind = 'percentiles';
CREATE UNIQUE INDEX derived_refresh_queue_history ON derived_refresh_queue (txid, agent_id, day)
    WHERE kind = 'history';

-- The day a derived figure was last computed for: 'percentiles' = the last day of the 30-day
-- window agent_profiles.percentile_ranking was computed over (the API's percentile_as_of).
CREATE TABLE derived_as_of (
    name        text PRIMARY KEY,
    as_of       date NOT NULL,
    computed_at timestamptz NOT NULL DEFAULT now()
);

-- Percentiles: any write of the metrics, of who is ranked (an AGENT, ACTIVE or PIP, not
-- deleted; the ranking is organisation-wide, so a move between teams changes nothing) or of
-- who sees their ranking (the opt-in). No transition tables: capturing every row of a large
-- metrics import would cost more than one needless run of the ranking.
CREATE FUNCTION derived_queue_percentiles() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO derived_refresh_queue (kind) VALUES ('percentiles') ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$fn$;

CREATE TRIGGER derived_percentiles_metrics
    AFTER INSERT OR UPDATE OR DELETE ON performance_metrics
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_percentiles();
CREATE TRIGGER derived_percentiles_users
    AFTER INSERT OR UPDATE OF role, status, deleted_at OR DELETE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_percentiles();
CREATE TRIGGER derived_percentiles_profiles
    AFTER INSERT OR UPDATE OF peer_comparison_opt_in ON agent_profiles
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_percentiles();

-- History: the (agent, day) of each annotation event (refresh_performance_history's `events`,
-- 0011) a statement added, changed or removed, dated as there and as history_changed.sql (a
-- timestamptz's date in the session's zone, the organisation's). On UPDATE only the events
-- that differ before and after: a completed session's notes being autosaved queues nothing.
-- One function per table, each with its own events; TG_OP says which transition tables the
-- trigger has (those of 0024 and 0006 on the same statements are captured anyway).
CREATE FUNCTION derived_queue_session_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id,
               coalesce(actual_start_time, scheduled_date)::date
          FROM new_rows WHERE status = 'COMPLETED'
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id,
               coalesce(actual_start_time, scheduled_date)::date
          FROM old_rows WHERE status = 'COMPLETED'
        ON CONFLICT DO NOTHING;
    ELSE
        WITH n AS (
            SELECT id, agent_id, coalesce(actual_start_time, scheduled_date)::date AS day,
                   session_type::text AS what
              FROM new_rows WHERE status = 'COMPLETED'
        ), o AS (
            SELECT id, agent_id, coalesce(actual_start_time, scheduled_date)::date AS day,
                   session_type::text AS what
              FROM old_rows WHERE status = 'COMPLETED'
        ), changed AS (
            (SELECT * FROM n EXCEPT SELECT * FROM o) UNION (SELECT * FROM o EXCEPT SELECT * FROM n)
        )
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, day FROM changed
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$fn$;

-- A plan's start (not a draft; a cancelled one only once approved) and its end.
CREATE FUNCTION derived_queue_plan_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, start_date FROM new_rows
         WHERE status <> 'DRAFT' AND (status <> 'CANCELLED' OR approved_by IS NOT NULL)
        UNION
        SELECT 'history', agent_id, actual_end_date FROM new_rows
         WHERE actual_end_date IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, start_date FROM old_rows
         WHERE status <> 'DRAFT' AND (status <> 'CANCELLED' OR approved_by IS NOT NULL)
        UNION
        SELECT 'history', agent_id, actual_end_date FROM old_rows
         WHERE actual_end_date IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSE
        WITH n AS (
            SELECT id, agent_id, start_date AS day, 'start' AS what FROM new_rows
             WHERE status <> 'DRAFT' AND (status <> 'CANCELLED' OR approved_by IS NOT NULL)
            UNION ALL
            SELECT id, agent_id, actual_end_date, coalesce(outcome::text, status::text)
              FROM new_rows WHERE actual_end_date IS NOT NULL
        ), o AS (
            SELECT id, agent_id, start_date AS day, 'start' AS what FROM old_rows
             WHERE status <> 'DRAFT' AND (status <> 'CANCELLED' OR approved_by IS NOT NULL)
            UNION ALL
            SELECT id, agent_id, actual_end_date, coalesce(outcome::text, status::text)
              FROM old_rows WHERE actual_end_date IS NOT NULL
        ), changed AS (
            (SELECT * FROM n EXCEPT SELECT * FROM o) UNION (SELECT * FROM o EXCEPT SELECT * FROM n)
        )
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, day FROM changed
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$fn$;

CREATE FUNCTION derived_queue_item_events() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, completed_date::date FROM new_rows
         WHERE status = 'COMPLETED' AND completed_date IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, completed_date::date FROM old_rows
         WHERE status = 'COMPLETED' AND completed_date IS NOT NULL
        ON CONFLICT DO NOTHING;
    ELSE
        WITH n AS (
            SELECT id, agent_id, completed_date::date AS day, title::text AS what FROM new_rows
             WHERE status = 'COMPLETED' AND completed_date IS NOT NULL
        ), o AS (
            SELECT id, agent_id, completed_date::date AS day, title::text AS what FROM old_rows
             WHERE status = 'COMPLETED' AND completed_date IS NOT NULL
        ), changed AS (
            (SELECT * FROM n EXCEPT SELECT * FROM o) UNION (SELECT * FROM o EXCEPT SELECT * FROM n)
        )
        INSERT INTO derived_refresh_queue (kind, agent_id, day)
        SELECT DISTINCT 'history'::text, agent_id, day FROM changed
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$fn$;

CREATE TRIGGER derived_history_sessions_ins AFTER INSERT ON coaching_sessions
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_session_events();
CREATE TRIGGER derived_history_sessions_upd AFTER UPDATE ON coaching_sessions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_session_events();
CREATE TRIGGER derived_history_sessions_del AFTER DELETE ON coaching_sessions
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_session_events();
CREATE TRIGGER derived_history_plans_ins AFTER INSERT ON action_plans
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_plan_events();
CREATE TRIGGER derived_history_plans_upd AFTER UPDATE ON action_plans
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_plan_events();
CREATE TRIGGER derived_history_plans_del AFTER DELETE ON action_plans
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_plan_events();
CREATE TRIGGER derived_history_items_ins AFTER INSERT ON action_items
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_item_events();
CREATE TRIGGER derived_history_items_upd AFTER UPDATE ON action_items
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_item_events();
CREATE TRIGGER derived_history_items_del AFTER DELETE ON action_items
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION derived_queue_item_events();
