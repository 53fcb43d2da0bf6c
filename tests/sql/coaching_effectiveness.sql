-- coaching_effectiveness: measurement_period_days > 0 (default 14), widened
-- improvement_percentage. agent_profiles: preferred_session_length > 0, defaults.

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
    ('00000000-0000-0000-0000-0000000000a1', 'tl@example.com', 'x', 'TL', 'TEAM_LEADER'),
    ('00000000-0000-0000-0000-0000000000b1', 'ag@example.com', 'x', 'AG', 'AGENT');

INSERT INTO coaching_effectiveness (id, agent_id, team_leader_id, primary_issue, intervention_method)
VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000a1', 'Quality', 'Role-play');

-- Defaults: 14 days, not recommended.
SELECT pg_temp.assert_eq((SELECT (measurement_period_days, recommended_for_similar_issues)::text
                          FROM coaching_effectiveness), '(14,f)', 'effectiveness defaults');

-- measurement_period_days: 0 and -1 refused, 1 accepted.
SELECT pg_temp.assert_fails($q$UPDATE coaching_effectiveness SET measurement_period_days = 0$q$,
                            '23514', 'coaching_effectiveness_measurement_period_days_check', 'period 0 days');
SELECT pg_temp.assert_fails($q$UPDATE coaching_effectiveness SET measurement_period_days = -1$q$,
                            '23514', 'coaching_effectiveness_measurement_period_days_check', 'period -1 days');
UPDATE coaching_effectiveness SET measurement_period_days = 1;

-- improvement_percentage: quality 5 -> 90 is (90 - 5) / 5 * 100 = +1700 %, which
-- DECIMAL(5,2) could not hold; stored now (docs/schema-notes.md, "Mistakes in the draft and
-- how they are fixed", 5).
UPDATE coaching_effectiveness SET improvement_percentage = (90 - 5) / 5.0 * 100;
SELECT pg_temp.assert_eq((SELECT improvement_percentage FROM coaching_effectiveness), 1700.00, '+1700 %');
SELECT pg_temp.assert_fails($q$SELECT 1700.00::decimal(5,2)$q$, '22003', NULL, 'DECIMAL(5,2) overflows at 1700');
-- Smallest non-zero baseline of a 2-decimal score: 0.01 -> 100 is
-- (100 - 0.01) / 0.01 * 100 = +999900 %; a drop to 0 is -100 %.
UPDATE coaching_effectiveness SET improvement_percentage = (100 - 0.01) / 0.01 * 100;
SELECT pg_temp.assert_eq((SELECT improvement_percentage FROM coaching_effectiveness), 999900.00, '+999900 %');
UPDATE coaching_effectiveness SET improvement_percentage = -100;
SELECT pg_temp.assert_eq((SELECT improvement_percentage FROM coaching_effectiveness), -100.00, '-100 %');
-- The type's limit is 99,999,999.99.
UPDATE coaching_effectiveness SET improvement_percentage = 99999999.99;
SELECT pg_temp.assert_fails($q$UPDATE coaching_effectiveness SET improvement_percentage = 100000000$q$,
                            '22003', NULL, 'NUMERIC(10,2) limit');

-- agent_profiles
INSERT INTO agent_profiles (agent_id, learning_style, preferred_session_length)
VALUES ('00000000-0000-0000-0000-0000000000b1', 'KINESTHETIC', 30);
SELECT pg_temp.assert_eq((SELECT (learning_style, preferred_session_length, peer_comparison_opt_in)::text
                          FROM agent_profiles), '(KINESTHETIC,30,t)', 'profile stored with defaults');
SELECT pg_temp.assert_fails($q$UPDATE agent_profiles SET preferred_session_length = 0$q$,
                            '23514', 'agent_profiles_preferred_session_length_check', 'session length 0');
SELECT pg_temp.assert_fails($q$UPDATE agent_profiles SET peer_comparison_opt_in = NULL$q$,
                            '23502', NULL, 'opt-in NOT NULL');
SELECT pg_temp.assert_fails($q$UPDATE agent_profiles SET learning_style = 'Visual'$q$,
                            '22P02', NULL, 'learning_style enum');
-- One profile per agent.
SELECT pg_temp.assert_fails(
    $q$INSERT INTO agent_profiles (agent_id, learning_style) VALUES ('00000000-0000-0000-0000-0000000000b1', 'VISUAL')$q$,
    '23505', 'agent_profiles_pkey', 'one profile per agent');
