-- performance_metrics: generated composite_score (rounding, NULL component, extremes)
-- and the range CHECKs (docs/schema-notes.md, "Mistakes in the draft and how they are
-- fixed", 11).

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

-- Helper: a metrics row for agent1 on 2024-01-<day> with the five components.
CREATE OR REPLACE FUNCTION pg_temp.put(day int, s numeric, p numeric, q numeric, a numeric, ad numeric)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO performance_metrics (agent_id, metric_date, service_score, productivity_score,
                                     quality_score, attendance_rate, adherence_score)
    VALUES ('00000000-0000-0000-0000-0000000000a1', make_date(2024, 1, day), s, p, q, a, ad);
$$;

CREATE OR REPLACE FUNCTION pg_temp.composite(day int)
RETURNS numeric
LANGUAGE sql
AS $$
    SELECT composite_score FROM performance_metrics
    WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND metric_date = make_date(2024, 1, day);
$$;

-- 80*0.25 + 90*0.20 + 70*0.20 + 100*0.20 + 60*0.15 = 20 + 18 + 14 + 20 + 9 = 81.00
SELECT pg_temp.put(1, 80, 90, 70, 100, 60);
SELECT pg_temp.assert_eq(pg_temp.composite(1), 81.00, 'composite of 80/90/70/100/60');

-- 85.25*0.25 = 21.3125; 72.50*0.20 = 14.5; 91.75*0.20 = 18.35; 98.00*0.20 = 19.6;
-- 66.67*0.15 = 10.0005; sum = 83.7630 -> 83.76
SELECT pg_temp.put(2, 85.25, 72.50, 91.75, 98.00, 66.67);
SELECT pg_temp.assert_eq(pg_temp.composite(2), 83.76, 'composite with fractions');

-- Rounding half away from zero: 0.02*0.25 = 0.005, others 0 -> 0.01
SELECT pg_temp.put(3, 0.02, 0, 0, 0, 0);
SELECT pg_temp.assert_eq(pg_temp.composite(3), 0.01, 'composite rounds 0.005 up');

-- Largest value: all 100 -> 25 + 20 + 20 + 20 + 15 = 100.00 (fits DECIMAL(5,2))
SELECT pg_temp.put(4, 100, 100, 100, 100, 100);
SELECT pg_temp.assert_eq(pg_temp.composite(4), 100.00, 'composite of all 100');

-- Smallest value: all 0 -> 0.00
SELECT pg_temp.put(5, 0, 0, 0, 0, 0);
SELECT pg_temp.assert_eq(pg_temp.composite(5), 0.00, 'composite of all 0');

-- One NULL component -> composite NULL (docs/domain.md, "Composite score")
SELECT pg_temp.put(6, 80, 90, NULL, 100, 60);
SELECT pg_temp.assert_eq(pg_temp.composite(6), NULL::numeric, 'composite NULL when quality NULL');

-- Recomputed on UPDATE: day 1 quality 70 -> 100 adds 30*0.20 = 6: 81.00 + 6 = 87.00
UPDATE performance_metrics SET quality_score = 100
WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND metric_date = '2024-01-01';
SELECT pg_temp.assert_eq(pg_temp.composite(1), 87.00, 'composite recomputed on update');

-- Day 6: filling the NULL quality with 50 -> 20 + 18 + 10 + 20 + 9 = 77.00
UPDATE performance_metrics SET quality_score = 50
WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND metric_date = '2024-01-06';
SELECT pg_temp.assert_eq(pg_temp.composite(6), 77.00, 'composite once the NULL is filled');

-- composite_score cannot be written.
SELECT pg_temp.assert_fails(
    $q$UPDATE performance_metrics SET composite_score = 50$q$, '428C9', NULL, 'composite is generated');

-- One row per agent and day.
SELECT pg_temp.assert_fails(
    $q$SELECT pg_temp.put(1, 1, 1, 1, 1, 1)$q$,
    '23505', 'performance_metrics_agent_id_metric_date_key', 'unique (agent_id, metric_date)');

-- Range CHECKs: each value one step outside the range is refused (by its own
-- constraint), the bounds themselves are accepted.
CREATE OR REPLACE FUNCTION pg_temp.check_range(col text, bad text, good text)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_temp.assert_fails(
        format('UPDATE performance_metrics SET %I = %s WHERE metric_date = %L', col, bad, '2024-01-02'),
        '23514', 'performance_metrics_' || col || '_check', col || ' = ' || bad || ' refused');
    EXECUTE format('UPDATE performance_metrics SET %I = %s WHERE metric_date = %L', col, good, '2024-01-02');
END;
$$;

SELECT pg_temp.check_range('csat', '0.99', '1');
SELECT pg_temp.check_range('csat', '5.01', '5');
SELECT pg_temp.check_range('fcr', '-0.01', '0');
SELECT pg_temp.check_range('fcr', '100.01', '100');
SELECT pg_temp.check_range('aht', '-1', '0');
SELECT pg_temp.check_range('calls_handled', '-1', '0');
SELECT pg_temp.check_range('calls_transferred', '-1', '0');
SELECT pg_temp.check_range('calls_escalated', '-1', '0');
SELECT pg_temp.check_range('scheduled_hours', '-0.01', '0');
SELECT pg_temp.check_range('scheduled_hours', '24.01', '24');
SELECT pg_temp.check_range('actual_hours', '-0.01', '0');
SELECT pg_temp.check_range('actual_hours', '24.01', '24');
SELECT pg_temp.check_range('break_time_minutes', '-1', '0');
SELECT pg_temp.check_range('lunch_time_minutes', '-1', '0');
SELECT pg_temp.check_range('aux_time_minutes', '-1', '0');
SELECT pg_temp.check_range('script_adherence', '-0.01', '0');
SELECT pg_temp.check_range('script_adherence', '100.01', '100');
SELECT pg_temp.check_range('compliance_score', '-0.01', '0');
SELECT pg_temp.check_range('compliance_score', '100.01', '100');
SELECT pg_temp.check_range('qa_score', '-0.01', '0');
SELECT pg_temp.check_range('qa_score', '100.01', '100');
-- Draft CHECKs kept: the five components stay in 0..100.
SELECT pg_temp.check_range('service_score', '100.01', '100');
SELECT pg_temp.check_range('adherence_score', '-0.01', '0');

-- Day 2 after the accepted bounds: csat 5, fcr 100, hours 24, scores 100, counts 0.
SELECT pg_temp.assert_eq(
    (SELECT (csat, fcr, aht, scheduled_hours, actual_hours, script_adherence, qa_score)::text
     FROM performance_metrics WHERE metric_date = '2024-01-02'),
    '(5.00,100.00,0,24.00,24.00,100.00,100.00)', 'accepted bounds stored');
-- Day 2 composite with service 100 and adherence 0:
-- 25 + 14.5 + 18.35 + 19.6 + 0 = 77.45
SELECT pg_temp.assert_eq(pg_temp.composite(2), 77.45, 'composite after bound updates');
