-- performance_history: widened score_variance, days_worked range and period-end
-- CHECKs (WEEK ends Sunday, MONTH on its last day, QUARTER on the quarter's last day).

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

INSERT INTO users (id, email, password_hash, name, role)
VALUES ('00000000-0000-0000-0000-0000000000a1', 'agent1@example.com', 'x', 'Agent One', 'AGENT');

CREATE OR REPLACE FUNCTION pg_temp.hist(pt text, ending text, variance text, days text)
RETURNS text
LANGUAGE sql
AS $$
    SELECT format('INSERT INTO performance_history (agent_id, period_type, period_ending, score_variance, days_worked)
                   VALUES (%L, %L, %L, %s, %s)',
                  '00000000-0000-0000-0000-0000000000a1', pt, ending, variance, days);
$$;

-- Largest variance: daily composites 0 and 100, mean 50, sample variance
-- ((0-50)^2 + (100-50)^2) / (2-1) = 5000. var_samp agrees, and it fits NUMERIC(7,2).
SELECT pg_temp.assert_eq((SELECT var_samp(x)::numeric(7,2) FROM (VALUES (0.00), (100.00)) v(x)), 5000.00,
                         'sample variance of 0 and 100');
DO $$ BEGIN EXECUTE pg_temp.hist('WEEK', '2024-06-30', '5000.00', '2'); END $$;
SELECT pg_temp.assert_eq((SELECT score_variance FROM performance_history WHERE period_ending = '2024-06-30'),
                         5000.00, 'score_variance 5000 stored');
-- The draft's DECIMAL(5,2) would overflow on it:
SELECT pg_temp.assert_fails($q$SELECT 5000.00::decimal(5,2)$q$, '22003', NULL, 'DECIMAL(5,2) overflows at 5000');
SELECT pg_temp.assert_fails(pg_temp.hist('WEEK', '2024-06-23', '-0.01', '1'),
                            '23514', 'performance_history_score_variance_check', 'variance >= 0');

-- Period ends. 2024-06-30 is a Sunday (June 2, 9, 16, 23, 30 are Sundays); 2024-06-29 a Saturday.
SELECT pg_temp.assert_fails(pg_temp.hist('WEEK', '2024-06-29', '0', '1'),
                            '23514', 'performance_history_period_ending_valid', 'WEEK ending on a Saturday');
-- 2024-02-29 is February's last day (leap year); 2024-02-28 is not.
DO $$ BEGIN EXECUTE pg_temp.hist('MONTH', '2024-02-29', '0', '29'); END $$;
SELECT pg_temp.assert_fails(pg_temp.hist('MONTH', '2024-02-28', '0', '1'),
                            '23514', 'performance_history_period_ending_valid', 'MONTH ending before month end');
-- 2024-09-30 and 2024-12-31 end quarters; 2024-08-31 ends a month but not a quarter.
DO $$ BEGIN EXECUTE pg_temp.hist('QUARTER', '2024-09-30', '0', '92'); END $$;
DO $$ BEGIN EXECUTE pg_temp.hist('QUARTER', '2024-12-31', '0', '0'); END $$;
SELECT pg_temp.assert_fails(pg_temp.hist('QUARTER', '2024-08-31', '0', '1'),
                            '23514', 'performance_history_period_ending_valid', 'QUARTER ending in August');

-- days_worked: at most 7 / 31 / 92, never negative.
DO $$ BEGIN EXECUTE pg_temp.hist('WEEK', '2024-06-23', '0', '7'); END $$;
SELECT pg_temp.assert_fails(pg_temp.hist('WEEK', '2024-06-16', '0', '8'),
                            '23514', 'performance_history_days_worked_range', 'WEEK with 8 days');
DO $$ BEGIN EXECUTE pg_temp.hist('MONTH', '2024-01-31', '0', '31'); END $$;
SELECT pg_temp.assert_fails(pg_temp.hist('MONTH', '2024-03-31', '0', '32'),
                            '23514', 'performance_history_days_worked_range', 'MONTH with 32 days');
SELECT pg_temp.assert_fails(pg_temp.hist('QUARTER', '2024-03-31', '0', '93'),
                            '23514', 'performance_history_days_worked_range', 'QUARTER with 93 days');
SELECT pg_temp.assert_fails(pg_temp.hist('WEEK', '2024-06-16', '0', '-1'),
                            '23514', 'performance_history_days_worked_range', 'negative days_worked');

-- One row per agent, period type and ending.
SELECT pg_temp.assert_fails(pg_temp.hist('WEEK', '2024-06-30', '0', '1'),
                            '23505', 'performance_history_agent_id_period_type_period_ending_key',
                            'unique (agent_id, period_type, period_ending)');

-- Rows stored above: WEEK 06-30, 06-23; MONTH 02-29, 01-31; QUARTER 09-30, 12-31 = 6.
SELECT pg_temp.assert_eq((SELECT count(*) FROM performance_history), 6::bigint, 'history rows stored');
