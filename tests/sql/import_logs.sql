-- import_logs: generated processing_time_seconds, completed_at >= started_at,
-- non-negative counts and size, defaults.

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
    ('00000000-0000-0000-0000-0000000000a1', 'admin@example.com', 'x', 'Admin', 'ADMIN');

CREATE OR REPLACE FUNCTION pg_temp.imp(n int, started timestamptz, completed timestamptz)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO import_logs (id, file_name, import_type, imported_by, status, started_at, completed_at)
    VALUES (('00000000-0000-0000-0000-00000000100' || n)::uuid, 'f' || n || '.csv', 'METRICS',
            '00000000-0000-0000-0000-0000000000a1', 'SUCCESS', started, completed);
$$;
CREATE OR REPLACE FUNCTION pg_temp.secs(n int)
RETURNS int
LANGUAGE sql
AS $$
    SELECT processing_time_seconds FROM import_logs WHERE id = ('00000000-0000-0000-0000-00000000100' || n)::uuid;
$$;

-- 10:00:00 -> 10:02:30 = 150 s
SELECT pg_temp.imp(1, '2024-05-01 10:00:00+00', '2024-05-01 10:02:30+00');
SELECT pg_temp.assert_eq(pg_temp.secs(1), 150, '150 seconds');
-- 10:00:00 -> 10:02:30.4 = 150.4 s -> 150; 10:02:30.5 = 150.5 s -> 151 (half away from zero)
SELECT pg_temp.imp(2, '2024-05-01 10:00:00+00', '2024-05-01 10:02:30.4+00');
SELECT pg_temp.assert_eq(pg_temp.secs(2), 150, '150.4 s rounds to 150');
SELECT pg_temp.imp(3, '2024-05-01 10:00:00+00', '2024-05-01 10:02:30.5+00');
SELECT pg_temp.assert_eq(pg_temp.secs(3), 151, '150.5 s rounds to 151');
-- 2 days 1 hour = 2*86400 + 3600 = 176400 s
SELECT pg_temp.imp(4, '2024-05-01 10:00:00+00', '2024-05-03 11:00:00+00');
SELECT pg_temp.assert_eq(pg_temp.secs(4), 176400, 'two days and an hour');
-- still running -> NULL; completing it fills the value: 10:00 -> 10:00:07 = 7
SELECT pg_temp.imp(5, '2024-05-01 10:00:00+00', NULL);
SELECT pg_temp.assert_eq(pg_temp.secs(5), NULL::int, 'NULL while running');
UPDATE import_logs SET completed_at = '2024-05-01 10:00:07+00' WHERE id = '00000000-0000-0000-0000-000000001005';
SELECT pg_temp.assert_eq(pg_temp.secs(5), 7, 'filled when completed');
-- completed before started is refused
SELECT pg_temp.assert_fails($q$SELECT pg_temp.imp(6, '2024-05-01 10:00:00+00', '2024-05-01 09:59:59+00')$q$,
                            '23514', 'import_logs_completed_after_start', 'completed before started');
SELECT pg_temp.assert_fails($q$UPDATE import_logs SET processing_time_seconds = 1$q$, '428C9', NULL,
                            'processing_time_seconds is generated');

-- Defaults: started_at = now() (same as created_at), rollback_available true.
INSERT INTO import_logs (id, file_name, import_type, imported_by, status)
VALUES ('00000000-0000-0000-0000-000000001007', 'f7.csv', 'USERS', '00000000-0000-0000-0000-0000000000a1', 'VALIDATING');
SELECT pg_temp.assert_eq((SELECT (started_at = created_at, rollback_available)::text FROM import_logs
                          WHERE id = '00000000-0000-0000-0000-000000001007'), '(t,t)', 'import defaults');

-- Counts and size cannot be negative; 0 is fine.
CREATE OR REPLACE FUNCTION pg_temp.nonneg(col text)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_temp.assert_fails(format('UPDATE import_logs SET %I = -1', col),
                                 '23514', 'import_logs_' || col || '_check', col || ' = -1 refused');
    EXECUTE format('UPDATE import_logs SET %I = 0', col);
END;
$$;
SELECT pg_temp.nonneg('file_size_bytes');
SELECT pg_temp.nonneg('total_rows');
SELECT pg_temp.nonneg('processed_rows');
SELECT pg_temp.nonneg('successful_rows');
SELECT pg_temp.nonneg('failed_rows');
SELECT pg_temp.nonneg('skipped_rows');
-- 6 rows (imports 1-5 and 7; 6 was refused), all six columns now 0
SELECT pg_temp.assert_eq(
    (SELECT count(*) FROM import_logs WHERE file_size_bytes = 0 AND total_rows = 0 AND processed_rows = 0
       AND successful_rows = 0 AND failed_rows = 0 AND skipped_rows = 0),
    6::bigint, 'zero counts accepted');
