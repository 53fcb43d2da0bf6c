-- performance_metrics_archive and archive_old_metrics(p_cutoff): moves exactly the
-- rows with metric_date < p_cutoff, keeps them intact (id, created_at, components,
-- composite), overwrites an archived row for the same agent and day, returns the count.

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
    ('00000000-0000-0000-0000-0000000000a1', 'g1@example.com', 'x', 'G1', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000a2', 'g2@example.com', 'x', 'G2', 'AGENT');

-- Live rows (id suffix, agent, day relative to today, components):
--   f1: a1, today - 400, 80/90/70/100/60 -> composite 20 + 18 + 14 + 20 + 9 = 81.00
--   f2: a1, today - 11,  all 100         -> composite 100.00
--   f3: a1, today - 10,  all 50          -> 50.00 (on the cutoff: stays)
--   f4: a1, today - 9,   all 50          -> stays
--   f5: a2, today - 20,  30/50/NULL/50/50 -> composite NULL
CREATE OR REPLACE FUNCTION pg_temp.put(id_suffix text, agent text, days_ago int,
                                       s numeric, p numeric, q numeric, a numeric, ad numeric)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO performance_metrics (id, agent_id, metric_date, service_score, productivity_score,
                                     quality_score, attendance_rate, adherence_score, imported_from,
                                     created_at, updated_at)
    VALUES (('00000000-0000-0000-0000-0000000000' || id_suffix)::uuid,
            ('00000000-0000-0000-0000-0000000000' || agent)::uuid,
            CURRENT_DATE - days_ago, s, p, q, a, ad, 'live.csv',
            '2023-01-01 00:00+00', '2023-01-02 00:00+00');
$$;
SELECT pg_temp.put('f1', 'a1', 400, 80, 90, 70, 100, 60);
SELECT pg_temp.put('f2', 'a1', 11, 100, 100, 100, 100, 100);
SELECT pg_temp.put('f3', 'a1', 10, 50, 50, 50, 50, 50);
SELECT pg_temp.put('f4', 'a1', 9, 50, 50, 50, 50, 50);
SELECT pg_temp.put('f5', 'a2', 20, 30, 50, NULL, 50, 50);
UPDATE performance_metrics SET csat = 4.50, aht = 330 WHERE id = '00000000-0000-0000-0000-0000000000f1';

-- Already archived: a1 on today - 400 with older values (all 10 -> composite 10.00).
INSERT INTO performance_metrics_archive (id, agent_id, metric_date, service_score, productivity_score,
                                         quality_score, attendance_rate, adherence_score, imported_from)
VALUES ('00000000-0000-0000-0000-0000000000e9', '00000000-0000-0000-0000-0000000000a1', CURRENT_DATE - 400,
        10, 10, 10, 10, 10, 'old.csv');

-- The draft's INSERT ... SELECT * fails on the generated column (regression guard).
SELECT pg_temp.assert_fails($q$INSERT INTO performance_metrics_archive SELECT * FROM performance_metrics$q$,
                            '428C9', NULL, 'draft INSERT ... SELECT * into the archive');

-- Cutoff today - 10: rows with metric_date < cutoff are f1, f2, f5 -> 3 moved.
SELECT pg_temp.assert_eq(archive_old_metrics(CURRENT_DATE - 10), 3::bigint, 'rows moved');

-- Live keeps f3 and f4.
SELECT pg_temp.assert_eq((SELECT string_agg(right(id::text, 2), ',' ORDER BY id) FROM performance_metrics),
                         'f3,f4', 'live rows left');
-- Archive: f1 (replacing e9), f2, f5.
SELECT pg_temp.assert_eq((SELECT string_agg(right(id::text, 2), ',' ORDER BY id) FROM performance_metrics_archive),
                         'f1,f2,f5', 'archived rows');
-- f1 intact: composite 81.00, csat 4.50, aht 330, live.csv, created_at kept.
SELECT pg_temp.assert_eq(
    (SELECT (composite_score, service_score, csat, aht, imported_from, created_at = '2023-01-01 00:00+00')::text
     FROM performance_metrics_archive WHERE id = '00000000-0000-0000-0000-0000000000f1'),
    '(81.00,80.00,4.50,330,live.csv,t)', 'f1 archived intact over the older archived row');
-- f2: composite 100.00; f5: composite NULL, quality NULL; both keep created/updated_at.
SELECT pg_temp.assert_eq(
    (SELECT (composite_score, updated_at = '2023-01-02 00:00+00')::text
     FROM performance_metrics_archive WHERE id = '00000000-0000-0000-0000-0000000000f2'),
    '(100.00,t)', 'f2 archived intact');
SELECT pg_temp.assert_eq(
    (SELECT (composite_score, quality_score, service_score, metric_date = CURRENT_DATE - 20)::text
     FROM performance_metrics_archive WHERE id = '00000000-0000-0000-0000-0000000000f5'),
    '(,,30.00,t)', 'f5 archived with NULL composite');

-- Nothing left to move: 0.
SELECT pg_temp.assert_eq(archive_old_metrics(CURRENT_DATE - 10), 0::bigint, 'second run moves nothing');

-- Default cutoff = 13 months before today: a row one day older moves, a row on the
-- cutoff day stays (and f3, f4 are younger) -> 1 moved.
INSERT INTO performance_metrics (id, agent_id, metric_date, service_score)
VALUES ('00000000-0000-0000-0000-0000000000f6', '00000000-0000-0000-0000-0000000000a2',
        (CURRENT_DATE - INTERVAL '13 months')::date - 1, 1),
       ('00000000-0000-0000-0000-0000000000f7', '00000000-0000-0000-0000-0000000000a2',
        (CURRENT_DATE - INTERVAL '13 months')::date, 2);
SELECT pg_temp.assert_eq(archive_old_metrics(), 1::bigint, 'default cutoff moves 1 row');
SELECT pg_temp.assert_eq((SELECT count(*) FROM performance_metrics_archive
                          WHERE id = '00000000-0000-0000-0000-0000000000f6'), 1::bigint, 'f6 archived');
SELECT pg_temp.assert_eq((SELECT count(*) FROM performance_metrics
                          WHERE id = '00000000-0000-0000-0000-0000000000f7'), 1::bigint, 'f7 still live');

-- The archive has the table's CHECKs, unique key and a foreign key to users.
SELECT pg_temp.assert_fails(
    $q$UPDATE performance_metrics_archive SET csat = 6 WHERE id = '00000000-0000-0000-0000-0000000000f1'$q$,
    '23514', 'performance_metrics_csat_check', 'archive keeps CHECKs');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO performance_metrics_archive (agent_id, metric_date)
       VALUES ('00000000-0000-0000-0000-0000000000a1', CURRENT_DATE - 11)$q$,
    '23505', NULL, 'archive keeps unique (agent_id, metric_date)');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO performance_metrics_archive (agent_id, metric_date)
       VALUES ('00000000-0000-0000-0000-00000000dead', CURRENT_DATE - 500)$q$,
    '23503', 'performance_metrics_archive_agent_id_fkey', 'archive agent must exist');
