-- Coaching facts are refreshed once, at commit, instead of inside each writing statement.
--
-- FIX (0006): the statement triggers on coaching_sessions, quick_notes, action_items and
-- action_plans refreshed agent_coaching_facts at once, taking the agent's advisory lock
-- (dashboard_refresh_lock) after the statement had locked its rows, and holding it until
-- commit. Two transactions writing rows of the same agent then took row locks and the agent
-- lock in opposite orders and deadlocked, e.g.:
--   T: INSERT a note for agent X            -> T holds X's lock
--   S: the overdue sweep updates X's item    -> S holds the item's row, waits for X's lock
--   T: UPDATE that item                      -> T waits for S: deadlock (40P01)
-- Now the statement triggers only queue the agents of the transaction, and one deferred
-- constraint trigger refreshes them, set-based, when the transaction commits: after every row
-- lock the transaction will take, so the agent locks (taken in id order) are always last.
-- The facts are still exact: a refresh takes the agents' locks first and computes in a later
-- statement, which sees everything committed before the locks were granted (see 0006).
-- A transaction that rolls back queues nothing: its queue rows and trigger events vanish.

-- The agents a transaction touched, until its commit. Transient by design (emptied by the
-- commit that filled it), hence UNLOGGED and without the usual id/created_at/updated_at.
CREATE UNLOGGED TABLE coaching_facts_queue (
    txid     xid8 NOT NULL DEFAULT pg_current_xact_id(),
    agent_id UUID NOT NULL,
    PRIMARY KEY (txid, agent_id)
);

CREATE OR REPLACE FUNCTION agent_coaching_facts_touch()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF TG_ARGV[0] = 'new' THEN
        INSERT INTO coaching_facts_queue (agent_id)
        SELECT DISTINCT agent_id FROM new_rows
        ON CONFLICT DO NOTHING;
    ELSIF TG_ARGV[0] = 'old' THEN
        INSERT INTO coaching_facts_queue (agent_id)
        SELECT DISTINCT agent_id FROM old_rows
        ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO coaching_facts_queue (agent_id)
        SELECT agent_id FROM new_rows UNION SELECT agent_id FROM old_rows
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END;
$fn$;

-- At commit: the first queued row of the transaction refreshes all of them; the events of
-- the others find nothing left.
CREATE FUNCTION coaching_facts_queue_flush()
RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
    agents uuid[];
BEGIN
    WITH taken AS (
        DELETE FROM coaching_facts_queue WHERE txid = pg_current_xact_id() RETURNING agent_id
    )
    SELECT array_agg(agent_id) INTO agents FROM taken;
    IF agents IS NOT NULL THEN
        PERFORM refresh_agent_coaching_facts(agents);
    END IF;
    RETURN NULL;
END;
$fn$;

CREATE CONSTRAINT TRIGGER coaching_facts_queue_flush AFTER INSERT ON coaching_facts_queue
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION coaching_facts_queue_flush();
