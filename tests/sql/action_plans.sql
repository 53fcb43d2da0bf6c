-- action_plans: date-order CHECKs, extension_count >= 0, current_score 0..100,
-- defaults, and the "active" partial indexes covering ACTIVE and EXTENDED.

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

INSERT INTO action_plans (id, agent_id, created_by, start_date, target_end_date, reason_for_plan,
                          target_metrics, success_criteria)
VALUES ('00000000-0000-0000-0000-0000000000e1', '00000000-0000-0000-0000-0000000000b1',
        '00000000-0000-0000-0000-0000000000a1', '2024-03-01', '2024-03-31', 'quality below 70',
        '{"quality_score": {"target": 85, "current": 68}}', '{"mandatory": ["quality_score >= 85"]}');

-- Defaults: DRAFT, WEEKLY, 0 extensions.
SELECT pg_temp.assert_eq((SELECT (status, check_in_frequency, extension_count)::text FROM action_plans),
                         '(DRAFT,WEEKLY,0)', 'plan defaults');

-- A one-day plan (end = start) is accepted; end before start is refused.
UPDATE action_plans SET target_end_date = '2024-03-01';
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET target_end_date = '2024-02-29'$q$,
                            '23514', 'action_plans_target_after_start', 'target_end_date before start_date');
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET actual_end_date = '2024-02-29'$q$,
                            '23514', 'action_plans_actual_after_start', 'actual_end_date before start_date');
UPDATE action_plans SET actual_end_date = '2024-03-01', target_end_date = '2024-03-16';

-- extension_count: -1 refused, NULL refused, 1 accepted.
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET extension_count = -1$q$,
                            '23514', 'action_plans_extension_count_check', 'extension_count -1');
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET extension_count = NULL$q$,
                            '23502', NULL, 'extension_count NOT NULL');
UPDATE action_plans SET extension_count = 1, status = 'EXTENDED';

-- current_score is a percentage of mandatory criteria: 100.01 refused, 100 and 0 accepted.
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET current_score = 100.01$q$,
                            '23514', 'action_plans_current_score_check', 'current_score 100.01');
SELECT pg_temp.assert_fails($q$UPDATE action_plans SET current_score = -0.01$q$,
                            '23514', 'action_plans_current_score_check', 'current_score -0.01');
UPDATE action_plans SET current_score = 100;

SELECT pg_temp.assert_eq(
    (SELECT (target_end_date, actual_end_date, extension_count, status, current_score)::text FROM action_plans),
    '(2024-03-16,2024-03-01,1,EXTENDED,100.00)', 'accepted values stored');

-- The "active" partial indexes include EXTENDED plans.
SELECT pg_temp.assert_eq(
    (SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes
     WHERE tablename = 'action_plans' AND indexdef LIKE '%''ACTIVE''%''EXTENDED''%'),
    'idx_plans_agent_active,idx_plans_check_in', 'active indexes cover EXTENDED');
