-- coaching_sessions: generated duration_minutes, end >= start, agent <> leader,
-- defaults. quick_notes: agent <> leader, defaults.

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

INSERT INTO users (id, email, password_hash, name, role) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'tl@example.com', 'x', 'Leader', 'TEAM_LEADER'),
    ('00000000-0000-0000-0000-0000000000b1', 'ag@example.com', 'x', 'Agent', 'AGENT');

CREATE OR REPLACE FUNCTION pg_temp.session(n int, start_at timestamptz, end_at timestamptz)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO coaching_sessions (id, agent_id, team_leader_id, scheduled_date, actual_start_time, actual_end_time)
    VALUES (('00000000-0000-0000-0000-00000000100' || n)::uuid,
            '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1',
            coalesce(start_at, '2024-05-01 10:00+00'), start_at, end_at);
$$;

CREATE OR REPLACE FUNCTION pg_temp.duration(n int)
RETURNS int
LANGUAGE sql
AS $$
    SELECT duration_minutes FROM coaching_sessions WHERE id = ('00000000-0000-0000-0000-00000000100' || n)::uuid;
$$;

-- 10:00 -> 10:45 = 2700 s / 60 = 45
SELECT pg_temp.session(1, '2024-05-01 10:00:00+00', '2024-05-01 10:45:00+00');
SELECT pg_temp.assert_eq(pg_temp.duration(1), 45, 'duration 45 min');

-- 10:00:00 -> 10:29:30 = 1770 s / 60 = 29.5 -> rounds to 30
SELECT pg_temp.session(2, '2024-05-01 10:00:00+00', '2024-05-01 10:29:30+00');
SELECT pg_temp.assert_eq(pg_temp.duration(2), 30, 'duration 29.5 min rounds to 30');

-- 10:00:00 -> 10:29:29 = 1769 s / 60 = 29.48 -> 29
SELECT pg_temp.session(3, '2024-05-01 10:00:00+00', '2024-05-01 10:29:29+00');
SELECT pg_temp.assert_eq(pg_temp.duration(3), 29, 'duration 29.48 min rounds to 29');

-- Across midnight: 23:30 -> 00:15 next day = 45
SELECT pg_temp.session(4, '2024-05-01 23:30:00+00', '2024-05-02 00:15:00+00');
SELECT pg_temp.assert_eq(pg_temp.duration(4), 45, 'duration across midnight');

-- Absolute instants across a DST change: New York 2024-03-10 01:30 EST (06:30 UTC)
-- -> 03:30 EDT (07:30 UTC) is 60 minutes, not the 120 the wall clock suggests.
SELECT pg_temp.session(5, '2024-03-10 01:30:00 America/New_York', '2024-03-10 03:30:00 America/New_York');
SELECT pg_temp.assert_eq(pg_temp.duration(5), 60, 'duration across DST is 60');

-- Not ended yet -> NULL; zero length -> 0
SELECT pg_temp.session(6, '2024-05-01 10:00:00+00', NULL);
SELECT pg_temp.assert_eq(pg_temp.duration(6), NULL::int, 'duration NULL while running');
SELECT pg_temp.session(7, '2024-05-01 10:00:00+00', '2024-05-01 10:00:00+00');
SELECT pg_temp.assert_eq(pg_temp.duration(7), 0, 'duration 0');

-- Setting the end later fills it: 10:00 -> 11:30 = 90
UPDATE coaching_sessions SET actual_end_time = '2024-05-01 11:30:00+00'
WHERE id = '00000000-0000-0000-0000-000000001006';
SELECT pg_temp.assert_eq(pg_temp.duration(6), 90, 'duration filled on update');

-- End before start is refused.
SELECT pg_temp.assert_fails($q$SELECT pg_temp.session(8, '2024-05-01 10:00:00+00', '2024-05-01 09:59:59+00')$q$,
                            '23514', 'coaching_sessions_end_after_start', 'end before start');
-- A leader cannot coach themselves.
SELECT pg_temp.assert_fails(
    $q$INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date)
       VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a1', now())$q$,
    '23514', 'coaching_sessions_agent_not_leader', 'session agent = leader');

-- Defaults REGULAR / SCHEDULED / follow_up_required false; NOT NULL.
SELECT pg_temp.assert_eq((SELECT (session_type, status, follow_up_required)::text FROM coaching_sessions
                          WHERE id = '00000000-0000-0000-0000-000000001001'),
                         '(REGULAR,SCHEDULED,f)', 'session defaults');
SELECT pg_temp.assert_fails($q$UPDATE coaching_sessions SET status = NULL$q$, '23502', NULL, 'status NOT NULL');
-- Draft CHECK kept: scores 1..5.
SELECT pg_temp.assert_fails($q$UPDATE coaching_sessions SET engagement_score = 6$q$,
                            '23514', 'coaching_sessions_engagement_score_check', 'engagement 6');

-- quick_notes
INSERT INTO quick_notes (id, team_leader_id, agent_id, note_type, content)
VALUES ('00000000-0000-0000-0000-000000002001', '00000000-0000-0000-0000-0000000000a1',
        '00000000-0000-0000-0000-0000000000b1', 'COACHING', 'Long hold times');
-- Defaults MEDIUM / not addressed / no follow-up; timestamp_occurred = insert time.
SELECT pg_temp.assert_eq((SELECT (priority, addressed, requires_follow_up)::text FROM quick_notes),
                         '(MEDIUM,f,f)', 'note defaults');
SELECT pg_temp.assert_eq((SELECT timestamp_occurred = created_at FROM quick_notes), true,
                         'timestamp_occurred defaults to now()');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content)
       VALUES ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000a1', 'GENERAL', 'me')$q$,
    '23514', 'quick_notes_agent_not_leader', 'note about oneself');
SELECT pg_temp.assert_fails($q$UPDATE quick_notes SET addressed = NULL$q$, '23502', NULL, 'addressed NOT NULL');
