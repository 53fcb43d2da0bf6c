-- 0002 platform tables: user_sessions, audit_log, job_runs, settings, mail_outbox:
-- defaults, CHECKs, uniqueness, append-only audit log, updated_at triggers.

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

-- user_sessions ---------------------------------------------------------------
-- token_hash = sha256 of the token: 32 bytes.
INSERT INTO user_sessions (id, user_id, token_hash, csrf_token, ip, expires_at, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000051', '00000000-0000-0000-0000-0000000000a1',
        sha256('token-1'::bytea), 'csrf-1', '10.0.0.7', now() + INTERVAL '7 days',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
SELECT pg_temp.assert_eq((SELECT octet_length(token_hash) FROM user_sessions), 32, 'sha-256 is 32 bytes');
-- Look-up by hash finds it; revoked_at NULL.
SELECT pg_temp.assert_eq(
    (SELECT (host(ip), revoked_at IS NULL)::text FROM user_sessions WHERE token_hash = sha256('token-1'::bytea)),
    '(10.0.0.7,t)', 'session by token hash');
-- Same hash twice refused; 31 or 33 bytes refused; expiry not after creation refused.
SELECT pg_temp.assert_fails(
    $q$INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ('00000000-0000-0000-0000-0000000000a1', sha256('token-1'::bytea), 'c', now() + INTERVAL '1 day')$q$,
    '23505', 'user_sessions_token_hash_key', 'token_hash unique');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ('00000000-0000-0000-0000-0000000000a1', substring(sha256('t2'::bytea) from 2), 'c', now() + INTERVAL '1 day')$q$,
    '23514', 'user_sessions_token_hash_check', '31-byte hash');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ('00000000-0000-0000-0000-0000000000a1', sha256('t3'::bytea) || '\x00'::bytea, 'c', now() + INTERVAL '1 day')$q$,
    '23514', 'user_sessions_token_hash_check', '33-byte hash');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at)
       VALUES ('00000000-0000-0000-0000-0000000000a1', sha256('t4'::bytea), 'c', now())$q$,
    '23514', 'user_sessions_expires_after_created', 'expires_at = created_at');
SELECT pg_temp.assert_fails(
    $q$INSERT INTO user_sessions (user_id, token_hash, expires_at)
       VALUES ('00000000-0000-0000-0000-0000000000a1', sha256('t5'::bytea), now() + INTERVAL '1 day')$q$,
    '23502', NULL, 'csrf_token NOT NULL');
-- last_seen_at defaults to now() (= created_at when both default), in one transaction.
DO $$
BEGIN
    INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at)
    VALUES ('00000000-0000-0000-0000-0000000000a1', sha256('t6'::bytea), 'c', now() + INTERVAL '12 hours');
    PERFORM pg_temp.assert_eq((SELECT last_seen_at FROM user_sessions WHERE token_hash = sha256('t6'::bytea)),
                              now(), 'last_seen_at default');
END;
$$;

-- audit_log ---------------------------------------------------------------------
INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, before, after, ip, request_id)
VALUES ('00000000-0000-0000-0000-000000000061', '00000000-0000-0000-0000-0000000000a1', 'update', 'users',
        '00000000-0000-0000-0000-0000000000a1', '{"name": "A"}', '{"name": "Admin"}', '10.0.0.7', 'req-1');
-- System entries have no actor.
INSERT INTO audit_log (action, entity_type) VALUES ('archive', 'performance_metrics');
SELECT pg_temp.assert_eq((SELECT count(*) FROM audit_log), 2::bigint, 'two audit rows');
SELECT pg_temp.assert_eq((SELECT after ->> 'name' FROM audit_log WHERE request_id = 'req-1'), 'Admin', 'after JSON');
-- Append-only: no updated_at column, UPDATE refused, DELETE (retention) allowed.
SELECT pg_temp.assert_eq(
    (SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit_log' AND column_name = 'updated_at'),
    0::bigint, 'audit_log has no updated_at');
SELECT pg_temp.assert_fails($q$UPDATE audit_log SET action = 'tampered'$q$, '2F003', NULL, 'audit_log UPDATE refused');
DELETE FROM audit_log WHERE actor_id IS NULL;
SELECT pg_temp.assert_eq((SELECT count(*) FROM audit_log), 1::bigint, 'audit_log DELETE allowed');
SELECT pg_temp.assert_fails($q$INSERT INTO audit_log (entity_type) VALUES ('users')$q$, '23502', NULL, 'action NOT NULL');

-- job_runs ------------------------------------------------------------------------
INSERT INTO job_runs (id, job_name, params, instance, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000071', 'archive_old_metrics', '{"cutoff": "2024-01-01"}', 'host-1',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
SELECT pg_temp.assert_eq((SELECT status FROM job_runs), 'RUNNING', 'job default status');
SELECT pg_temp.assert_fails($q$UPDATE job_runs SET finished_at = started_at - INTERVAL '1 second'$q$,
                            '23514', 'job_runs_finished_after_start', 'finished before started');
SELECT pg_temp.assert_fails($q$UPDATE job_runs SET rows_affected = -1$q$,
                            '23514', 'job_runs_rows_affected_check', 'rows_affected -1');
SELECT pg_temp.assert_fails($q$UPDATE job_runs SET status = 'DONE'$q$, '22P02', NULL, 'job status enum');
UPDATE job_runs SET status = 'SUCCESS', finished_at = started_at + INTERVAL '2 seconds', rows_affected = 0;
SELECT pg_temp.assert_eq((SELECT (status, extract(epoch FROM finished_at - started_at), rows_affected)::text FROM job_runs),
                         '(SUCCESS,2.000000,0)', 'job finished');

-- settings ------------------------------------------------------------------------
INSERT INTO settings (id, key, value, updated_by, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000081', 'session.idle_hours', '12', '00000000-0000-0000-0000-0000000000a1',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
SELECT pg_temp.assert_fails($q$INSERT INTO settings (key, value) VALUES ('session.idle_hours', '8')$q$,
                            '23505', 'settings_key_key', 'settings key unique');
SELECT pg_temp.assert_fails($q$INSERT INTO settings (key) VALUES ('x')$q$, '23502', NULL, 'settings value NOT NULL');

-- mail_outbox ---------------------------------------------------------------------
INSERT INTO mail_outbox (id, to_address, subject, body_text, kind, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-000000000091', 'ag@example.com', 'Reminder', 'Your action item is due', 'reminder',
        '2000-01-01 00:00+00', '2000-01-01 00:00+00');
SELECT pg_temp.assert_eq((SELECT (status, attempts, sent_at IS NULL)::text FROM mail_outbox), '(PENDING,0,t)',
                         'mail defaults');
SELECT pg_temp.assert_fails($q$UPDATE mail_outbox SET attempts = -1$q$,
                            '23514', 'mail_outbox_attempts_check', 'attempts -1');
SELECT pg_temp.assert_eq(
    (SELECT indexdef LIKE '%(next_attempt_at)%WHERE (status = ''PENDING''::mail_status)%' FROM pg_indexes
     WHERE indexname = 'idx_mail_outbox_due'),
    true, 'partial index on pending mail');

-- updated_at on the four tables that have it: a touch sets now(), created_at stays.
DO $$
DECLARE
    t   text;
    upd timestamptz;
    cre timestamptz;
BEGIN
    FOREACH t IN ARRAY ARRAY['user_sessions', 'job_runs', 'settings', 'mail_outbox'] LOOP
        EXECUTE format('UPDATE %I SET created_at = created_at WHERE created_at = %L RETURNING updated_at, created_at',
                       t, '2000-01-01 00:00+00') INTO upd, cre;
        PERFORM pg_temp.assert_eq(upd = now() AND upd > '2000-01-01 00:00+00', true, t || ': updated_at = now()');
        PERFORM pg_temp.assert_eq(cre, '2000-01-01 00:00+00'::timestamptz, t || ': created_at unchanged');
    END LOOP;
END;
$$;
