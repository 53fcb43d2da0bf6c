-- team_performance_summary: one row per live team leader; per-agent figures are
-- not multiplied by plans or sessions (docs/schema-notes.md, "Mistakes in the draft and
-- how they are fixed", 13: the fan-out), soft-deleted and
-- TERMINATED users are left out, future and CANCELLED sessions are not counted,
-- active PIPs are ACTIVE + EXTENDED, metrics are yesterday's (CURRENT_DATE - 1).
-- The view's rows are team_summary_of's (0029), which the API reads at once, and which
-- follows the clock (coach_today(), coach_now()).

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

-- Users. a* = team leaders, b* = users under a1 (b6 is a MANAGER, not an agent),
-- d1 = agent of a2, e1 = agent of the deleted a4, c1 = manager.
INSERT INTO users (id, email, password_hash, name, role, team_leader_id, status, deleted_at) VALUES
    ('00000000-0000-0000-0000-0000000000c1', 'm@example.com',  'x', 'Manager',      'MANAGER',     NULL, 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000a1', 'l1@example.com', 'x', 'Leader One',   'TEAM_LEADER', NULL, 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000a2', 'l2@example.com', 'x', 'Leader Two',   'TEAM_LEADER', NULL, 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000a3', 'l3@example.com', 'x', 'Leader Three', 'TEAM_LEADER', NULL, 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000a4', 'l4@example.com', 'x', 'Leader Gone',  'TEAM_LEADER', NULL, 'ACTIVE', now()),
    ('00000000-0000-0000-0000-0000000000a5', 'l5@example.com', 'x', 'Leader Ended', 'TEAM_LEADER', NULL, 'TERMINATED', NULL),
    ('00000000-0000-0000-0000-0000000000b1', 'a1@example.com', 'x', 'A1', 'AGENT', '00000000-0000-0000-0000-0000000000a1', 'PIP', NULL),
    ('00000000-0000-0000-0000-0000000000b2', 'a2@example.com', 'x', 'A2', 'AGENT', '00000000-0000-0000-0000-0000000000a1', 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000b3', 'a3@example.com', 'x', 'A3', 'AGENT', '00000000-0000-0000-0000-0000000000a1', 'LEAVE', NULL),
    ('00000000-0000-0000-0000-0000000000b4', 'a4@example.com', 'x', 'A4 deleted', 'AGENT', '00000000-0000-0000-0000-0000000000a1', 'ACTIVE', now()),
    ('00000000-0000-0000-0000-0000000000b5', 'a5@example.com', 'x', 'A5 terminated', 'AGENT', '00000000-0000-0000-0000-0000000000a1', 'TERMINATED', NULL),
    ('00000000-0000-0000-0000-0000000000b6', 'x6@example.com', 'x', 'Not an agent', 'MANAGER', '00000000-0000-0000-0000-0000000000a1', 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000d1', 'd1@example.com', 'x', 'D1', 'AGENT', '00000000-0000-0000-0000-0000000000a2', 'ACTIVE', NULL),
    ('00000000-0000-0000-0000-0000000000e1', 'e1@example.com', 'x', 'E1', 'AGENT', '00000000-0000-0000-0000-0000000000a4', 'ACTIVE', NULL);

-- Metrics (service, productivity, quality, attendance, adherence).
CREATE OR REPLACE FUNCTION pg_temp.put(agent text, days_ago int, s numeric, p numeric, q numeric, a numeric, ad numeric)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO performance_metrics (agent_id, metric_date, service_score, productivity_score,
                                     quality_score, attendance_rate, adherence_score)
    VALUES (('00000000-0000-0000-0000-0000000000' || agent)::uuid, CURRENT_DATE - days_ago, s, p, q, a, ad);
$$;
-- Yesterday:
--   b1: 100,90,90,90,90 -> 25 + 18 + 18 + 18 + 13.5 = 92.50
--   b2: all 60          -> 60.00
--   b3: 30,50,NULL,50,50 -> composite NULL (quality NULL)
--   b4 (deleted), b5 (terminated), b6 (not an agent), e1 (team of a deleted leader): all 0
SELECT pg_temp.put('b1', 1, 100, 90, 90, 90, 90);
SELECT pg_temp.put('b2', 1, 60, 60, 60, 60, 60);
SELECT pg_temp.put('b3', 1, 30, 50, NULL, 50, 50);
SELECT pg_temp.put('b4', 1, 0, 0, 0, 0, 0);
SELECT pg_temp.put('b5', 1, 0, 0, 0, 0, 0);
SELECT pg_temp.put('b6', 1, 0, 0, 0, 0, 0);
SELECT pg_temp.put('e1', 1, 0, 0, 0, 0, 0);
-- Other days (must be ignored): b1 today and 2 days ago all 0; d1 only 2 days ago.
SELECT pg_temp.put('b1', 0, 0, 0, 0, 0, 0);
SELECT pg_temp.put('b1', 2, 0, 0, 0, 0, 0);
SELECT pg_temp.put('d1', 2, 50, 50, 50, 50, 50);

-- Plans: b1 has 3 (ACTIVE, EXTENDED, COMPLETED), b3 one DRAFT, b4 and b5 one ACTIVE each.
CREATE OR REPLACE FUNCTION pg_temp.plan(agent text, st text)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO action_plans (agent_id, created_by, start_date, target_end_date, status,
                              reason_for_plan, target_metrics, success_criteria)
    VALUES (('00000000-0000-0000-0000-0000000000' || agent)::uuid, '00000000-0000-0000-0000-0000000000a1',
            CURRENT_DATE - 20, CURRENT_DATE + 10, st::action_plan_status, 'low scores', '{}', '{}');
$$;
SELECT pg_temp.plan('b1', 'ACTIVE');
SELECT pg_temp.plan('b1', 'EXTENDED');
SELECT pg_temp.plan('b1', 'COMPLETED');
SELECT pg_temp.plan('b3', 'DRAFT');
SELECT pg_temp.plan('b4', 'ACTIVE');
SELECT pg_temp.plan('b5', 'ACTIVE');

-- Sessions of a1 (all with agent b1), relative to now():
--   counted (in [now() - 7 days, now()], not CANCELLED): -1 day COMPLETED, -3 days NO_SHOW,
--     -6 days SCHEDULED, -7 days + 1 minute COMPLETED, -1 minute IN_PROGRESS  = 5
--   not counted: -2 days CANCELLED, -7 days - 1 minute, -8 days, +1 hour, +1 day (future)
-- Session of a2 (with agent b1): -1 day COMPLETED = 1
CREATE OR REPLACE FUNCTION pg_temp.sess(leader text, at_time timestamptz, st text)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status)
    VALUES ('00000000-0000-0000-0000-0000000000b1', ('00000000-0000-0000-0000-0000000000' || leader)::uuid,
            at_time, st::session_status);
$$;
SELECT pg_temp.sess('a1', now() - INTERVAL '1 day', 'COMPLETED');
SELECT pg_temp.sess('a1', now() - INTERVAL '3 days', 'NO_SHOW');
SELECT pg_temp.sess('a1', now() - INTERVAL '6 days', 'SCHEDULED');
SELECT pg_temp.sess('a1', now() - INTERVAL '7 days' + INTERVAL '1 minute', 'COMPLETED');
SELECT pg_temp.sess('a1', now() - INTERVAL '1 minute', 'IN_PROGRESS');
SELECT pg_temp.sess('a1', now() - INTERVAL '2 days', 'CANCELLED');
SELECT pg_temp.sess('a1', now() - INTERVAL '7 days' - INTERVAL '1 minute', 'COMPLETED');
SELECT pg_temp.sess('a1', now() - INTERVAL '8 days', 'COMPLETED');
SELECT pg_temp.sess('a1', now() + INTERVAL '1 hour', 'SCHEDULED');
SELECT pg_temp.sess('a1', now() + INTERVAL '1 day', 'SCHEDULED');
SELECT pg_temp.sess('a2', now() - INTERVAL '1 day', 'COMPLETED');

REFRESH MATERIALIZED VIEW team_performance_summary;

-- Output columns keep their names and order (docs/schema-notes.md, "Mistakes in the draft
-- and how they are fixed", 13).
SELECT pg_temp.assert_eq(
    (SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute
     WHERE attrelid = 'team_performance_summary'::regclass AND attnum > 0),
    'team_leader_id,team_leader_name,agent_count,active_pips,avg_team_score,avg_service_score,'
    || 'avg_quality_score,sessions_last_week,calculated_date',
    'view columns');

-- Rows: a1, a2, a3 only (a4 soft-deleted, a5 TERMINATED, c1 and b6 are MANAGERs).
SELECT pg_temp.assert_eq((SELECT string_agg(team_leader_name, ',' ORDER BY team_leader_name) FROM team_performance_summary),
                         'Leader One,Leader Three,Leader Two', 'leaders in the view');

-- Leader One (a1):
--   agent_count = b1, b2, b3 = 3 (b4 deleted, b5 TERMINATED, b6 not an AGENT)
--   active_pips = b1 ACTIVE + b1 EXTENDED = 2 (COMPLETED, DRAFT not; b4/b5 excluded)
--   avg_team_score = (92.50 + 60.00) / 2 = 76.25 (b3 NULL ignored).
--     The fanned-out joins (schema-notes 13) gave (92.50*30 + 60*10 + 0*10 + 0*10) / 60 = 56.25: b1 repeated
--     3 plans x 10 sessions, b2 x 10 sessions, deleted b4 and terminated b5 included
--     (and agent_count 5, active_pips 3, sessions_last_week 9 with the future ones).
--   avg_service_score = (100 + 60 + 30) / 3 = 63.333... -> 63.33 rounded
--   avg_quality_score = (90 + 60) / 2 = 75 (b3 NULL ignored)
--   sessions_last_week = 5 (see above)
--   calculated_date = today
SELECT pg_temp.assert_eq(
    (SELECT (agent_count, active_pips, avg_team_score, round(avg_service_score, 2), avg_quality_score,
             sessions_last_week)::text
     FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
    '(3,2,76.2500000000000000,63.33,75.0000000000000000,5)', 'Leader One figures');
SELECT pg_temp.assert_eq(
    (SELECT avg_team_score FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
    76.25, 'Leader One avg_team_score not skewed by plans or sessions');
DO $$
BEGIN
    PERFORM pg_temp.assert_eq(
        (SELECT calculated_date - CURRENT_DATE FROM team_performance_summary
         WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
        0, 'calculated_date is today');
END;
$$;

-- Leader Two (a2): agent d1 has no metrics yesterday (only 2 days ago) -> agent_count 1,
-- no PIPs, NULL averages; 1 session of a2 in the last week.
SELECT pg_temp.assert_eq(
    (SELECT (agent_count, active_pips, avg_team_score, avg_service_score, avg_quality_score, sessions_last_week)::text
     FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a2'),
    '(1,0,,,,1)', 'Leader Two: empty period');

-- Leader Three (a3): no agents -> 0, 0, NULL averages, 0 sessions (not NULL counts).
SELECT pg_temp.assert_eq(
    (SELECT (agent_count, active_pips, avg_team_score, avg_service_score, avg_quality_score, sessions_last_week)::text
     FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a3'),
    '(0,0,,,,0)', 'Leader Three: no agents');

-- The view is a snapshot: b2's yesterday becomes all 80, not visible before a refresh.
UPDATE performance_metrics
SET service_score = 80, productivity_score = 80, quality_score = 80, attendance_rate = 80, adherence_score = 80
WHERE agent_id = '00000000-0000-0000-0000-0000000000b2' AND metric_date = CURRENT_DATE - 1;
SELECT pg_temp.assert_eq(
    (SELECT avg_team_score FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
    76.25, 'stale until refreshed');

-- REFRESH ... CONCURRENTLY needs the unique index idx_team_summary_leader (it also
-- runs inside a transaction block, so it works in this multi-statement file).
SELECT pg_temp.assert_eq(
    (SELECT indisunique FROM pg_index WHERE indexrelid = 'idx_team_summary_leader'::regclass), true,
    'idx_team_summary_leader is unique');
REFRESH MATERIALIZED VIEW CONCURRENTLY team_performance_summary;
-- a1 now: avg_team (92.50 + 80) / 2 = 86.25; service (100 + 80 + 30) / 3 = 70; quality (90 + 80) / 2 = 85
SELECT pg_temp.assert_eq(
    (SELECT (avg_team_score, avg_service_score, avg_quality_score)::text
     FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
    '(86.2500000000000000,70.0000000000000000,85.0000000000000000)', 'after concurrent refresh');

-- Soft-deleting b1 removes it and its 2 running PIPs:
-- agent_count 2 (b2, b3), active_pips 0, avg_team = 80 (b2 only; b3 NULL),
-- service (80 + 30) / 2 = 55, quality 80; sessions still 5 (sessions belong to a1).
UPDATE users SET deleted_at = now() WHERE id = '00000000-0000-0000-0000-0000000000b1';
REFRESH MATERIALIZED VIEW team_performance_summary;
SELECT pg_temp.assert_eq(
    (SELECT (agent_count, active_pips, avg_team_score, avg_service_score, avg_quality_score, sessions_last_week)::text
     FROM team_performance_summary WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
    '(2,0,80.0000000000000000,55.0000000000000000,80.0000000000000000,5)', 'after soft-deleting b1');

-- Computed on read (migration 0029): team_summary_of is the view's row without a refresh, as of
-- coach_today(). b2's yesterday gets service 40 (others 80): composite 10 + 16 + 16 + 16 + 12 = 70.
-- a1 (b1 deleted): avg_team 70 (b2 only; b3 NULL), service (40 + 30) / 2 = 35, quality 80.
UPDATE performance_metrics SET service_score = 40
WHERE agent_id = '00000000-0000-0000-0000-0000000000b2' AND metric_date = CURRENT_DATE - 1;
SELECT pg_temp.assert_eq(
    (SELECT (agent_count, active_pips, avg_team_score, avg_service_score, avg_quality_score,
             sessions_last_week, as_of - CURRENT_DATE)::text
     FROM team_summary_of('00000000-0000-0000-0000-0000000000a1')),
    '(2,0,70.0000000000000000,35.0000000000000000,80.0000000000000000,5,0)',
    'team_summary_of: current without a refresh');
SELECT pg_temp.assert_eq(
    (SELECT avg_team_score FROM team_performance_summary
     WHERE team_leader_id = '00000000-0000-0000-0000-0000000000a1'),
    80.0000000000000000, 'the view: stale until refreshed');

-- The clock two days on (0027): yesterday is CURRENT_DATE + 1 (no rows: NULL averages); the
-- week is [now() - 5 days, now() + 2 days]: -1 day, -3 days, -1 minute, +1 hour, +1 day = 5.
SET coach.clock_offset = '172800s';
SELECT pg_temp.assert_eq(
    (SELECT (agent_count, active_pips, avg_team_score, avg_service_score, avg_quality_score,
             sessions_last_week, as_of - CURRENT_DATE)::text
     FROM team_summary_of('00000000-0000-0000-0000-0000000000a1')),
    '(2,0,,,,5,2)', 'team_summary_of follows the clock');
RESET coach.clock_offset;

-- Inlined into the caller (plain SQL, STABLE, not STRICT): no Function Scan, so each figure is
-- planned with the leader's id as an index key.
DO $$
DECLARE
    line text;
    plan text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN SELECT * FROM users tl CROSS JOIN LATERAL team_summary_of(tl.id)'
    LOOP
        plan := plan || line || E'\n';
    END LOOP;
    IF plan LIKE '%Function Scan%' THEN
        RAISE EXCEPTION 'team_summary_of is not inlined: %', plan;
    END IF;
END;
$$;
