-- updated_at: update_updated_at_column() is attached to every table that has an
-- updated_at column, sets it to now() on UPDATE (even over an explicit value) and
-- leaves created_at alone.

-- Run by the SQL test runner as one multi-statement query in a fresh, migrated
-- database; any error (a failed assertion raises) fails the file.

-- Assertion helpers (temporary functions, gone when the session ends).
-- assert_eq: raises "<what>: expected X, got Y" unless actual IS NOT DISTINCT FROM expected.
-- assert_fails: runs stmt and raises unless it fails with expected_sqlstate (and,
-- when expected_constraint is not NULL, on that constraint).
CREATE OR REPLACE FUNCTION pg_temp.assert_fails(stmt text, expected_sqlstate text,
                                                expected_constraint text, what text)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    got_state      text;
    got_constraint text;
BEGIN
    BEGIN
        EXECUTE stmt;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS got_state = RETURNED_SQLSTATE,
                                got_constraint = CONSTRAINT_NAME;
        IF got_state <> expected_sqlstate
           OR (expected_constraint IS NOT NULL
               AND got_constraint IS DISTINCT FROM expected_constraint) THEN
            RAISE EXCEPTION '%: expected SQLSTATE % (constraint %), got % (constraint %): %',
                what, expected_sqlstate, coalesce(expected_constraint, '-'),
                got_state, coalesce(nullif(got_constraint, ''), '-'), SQLERRM;
        END IF;
        RETURN;
    END;
    RAISE EXCEPTION '%: statement succeeded, expected SQLSTATE %', what, expected_sqlstate;
END;
$$;

-- Every table with an updated_at column has a BEFORE UPDATE FOR EACH ROW trigger
-- running update_updated_at_column(): the list of tables without one is empty.
SELECT pg_temp.assert_eq(
    (SELECT string_agg(c.relname, ',' ORDER BY c.relname)
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'updated_at' AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p')
       AND NOT EXISTS (
           SELECT 1 FROM pg_trigger t
           WHERE t.tgrelid = c.oid
             AND t.tgfoid = 'update_updated_at_column'::regproc
             AND t.tgenabled <> 'D'
             AND (t.tgtype & 1) = 1      -- FOR EACH ROW
             AND (t.tgtype & 2) = 2      -- BEFORE
             AND (t.tgtype & 16) = 16)), -- UPDATE
    NULL::text, 'tables with updated_at but no trigger');

-- The 11 tables of 0001 that have updated_at (3 of them added by the fix).
SELECT pg_temp.assert_eq(
    (SELECT string_agg(table_name::text, ',' ORDER BY table_name) FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'updated_at'
       AND table_name IN ('users', 'performance_metrics', 'performance_history', 'coaching_sessions',
                          'quick_notes', 'action_items', 'action_plans', 'coaching_effectiveness',
                          'agent_profiles', 'import_logs', 'performance_metrics_archive')),
    'action_items,action_plans,agent_profiles,coaching_effectiveness,coaching_sessions,import_logs,'
    || 'performance_history,performance_metrics,performance_metrics_archive,quick_notes,users',
    '0001 tables with updated_at');

-- One row per table, created and updated long ago (2000-01-01 00:00 UTC).
INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'tl@example.com', 'x', 'TL', 'TEAM_LEADER', '2000-01-01 00:00+00', '2000-01-01 00:00+00'),
    ('00000000-0000-0000-0000-0000000000b1', 'ag@example.com', 'x', 'AG', 'AGENT', '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO performance_metrics (agent_id, metric_date, service_score, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', '2024-01-01', 50, '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO performance_metrics_archive (agent_id, metric_date, service_score, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', '2020-01-01', 50, '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO performance_history (agent_id, period_type, period_ending, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', 'MONTH', '2024-01-31', '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO coaching_sessions (id, agent_id, team_leader_id, scheduled_date, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000c1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000a1', '2024-01-05 10:00+00', '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000b1', 'POSITIVE', 'good call',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO action_items (agent_id, assigned_by, title, description, due_date, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', 't', 'd', CURRENT_DATE + 5,
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO action_plans (agent_id, created_by, start_date, target_end_date, reason_for_plan, target_metrics,
                          success_criteria, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1', '2024-01-01', '2024-02-01',
        'r', '{}', '{}', '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO coaching_effectiveness (agent_id, team_leader_id, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO agent_profiles (agent_id, learning_style, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', 'VISUAL', '2000-01-01 00:00+00', '2000-01-01 00:00+00');
INSERT INTO import_logs (file_name, import_type, imported_by, status, created_at, updated_at)
VALUES ('m.csv', 'METRICS', '00000000-0000-0000-0000-0000000000a1', 'VALIDATING',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');

-- Inserts keep the given timestamps (the trigger is UPDATE only): 12 rows, all 2000-01-01.
SELECT pg_temp.assert_eq(
    (SELECT count(*) FROM (
        SELECT updated_at FROM users UNION ALL SELECT updated_at FROM performance_metrics
        UNION ALL SELECT updated_at FROM performance_metrics_archive UNION ALL SELECT updated_at FROM performance_history
        UNION ALL SELECT updated_at FROM coaching_sessions UNION ALL SELECT updated_at FROM quick_notes
        UNION ALL SELECT updated_at FROM action_items UNION ALL SELECT updated_at FROM action_plans
        UNION ALL SELECT updated_at FROM coaching_effectiveness UNION ALL SELECT updated_at FROM agent_profiles
        UNION ALL SELECT updated_at FROM import_logs) u
     WHERE updated_at = '2000-01-01 00:00+00'),
    12::bigint, 'inserted rows keep updated_at');

-- For each table: an UPDATE sets updated_at to now() (the transaction time, which is
-- after 2000-01-01), also when the UPDATE sets updated_at itself to 1999-01-01;
-- created_at stays 2000-01-01. Done in one block so now() is the update's now().
DO $$
DECLARE
    t   text;
    upd timestamptz;
    cre timestamptz;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'performance_metrics', 'performance_metrics_archive',
                             'performance_history', 'coaching_sessions', 'quick_notes', 'action_items',
                             'action_plans', 'coaching_effectiveness', 'agent_profiles', 'import_logs']
    LOOP
        -- a plain touch
        EXECUTE format('UPDATE %I SET created_at = created_at', t);
        EXECUTE format('SELECT max(updated_at), max(created_at) FROM %I', t) INTO upd, cre;
        PERFORM pg_temp.assert_eq(upd = now() AND upd > '2000-01-01 00:00+00', true, t || ': updated_at = now()');
        PERFORM pg_temp.assert_eq(cre, '2000-01-01 00:00+00'::timestamptz, t || ': created_at unchanged');
        -- an explicit old value is overridden
        EXECUTE format('UPDATE %I SET updated_at = %L RETURNING updated_at', t, '1999-01-01 00:00+00') INTO upd;
        PERFORM pg_temp.assert_eq(upd = now(), true, t || ': explicit updated_at overridden');
    END LOOP;
END;
$$;

-- created_at/updated_at are NOT NULL.
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET created_at = NULL$q$, '23502', NULL, 'created_at NOT NULL');
