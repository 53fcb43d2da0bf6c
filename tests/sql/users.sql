-- users: case-insensitive unique email, self-reference CHECKs, defaults, NOT NULLs.

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

INSERT INTO users (id, email, password_hash, name, role, employee_id)
VALUES ('00000000-0000-0000-0000-0000000000a1', 'Ann.Lee@Example.com', 'x', 'Ann Lee', 'TEAM_LEADER', 'E001');

-- Defaults: status 'ACTIVE', timezone 'UTC' (migration 0001).
SELECT pg_temp.assert_eq((SELECT status FROM users WHERE employee_id = 'E001'), 'ACTIVE', 'default status');
SELECT pg_temp.assert_eq((SELECT timezone FROM users WHERE employee_id = 'E001'), 'UTC', 'default timezone');

-- Same address in another case is a duplicate: lower('ann.lee@EXAMPLE.COM') = lower('Ann.Lee@Example.com').
SELECT pg_temp.assert_fails(
    $q$INSERT INTO users (email, password_hash, name, role) VALUES ('ann.lee@EXAMPLE.COM', 'x', 'Dup', 'AGENT')$q$,
    '23505', 'idx_users_email_lower', 'email unique regardless of case');

-- A different address is fine; the case-insensitive index finds it: 1 row.
INSERT INTO users (id, email, password_hash, name, role, team_leader_id)
VALUES ('00000000-0000-0000-0000-0000000000b1', 'bob@example.com', 'x', 'Bob', 'AGENT',
        '00000000-0000-0000-0000-0000000000a1');
SELECT pg_temp.assert_eq((SELECT count(*) FROM users WHERE lower(email) = lower('BOB@example.COM')), 1::bigint,
                         'lookup by lower(email)');

-- The redundant plain idx_users_email is gone: 0 indexes of that name.
SELECT pg_temp.assert_eq((SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_users_email'), 0::bigint,
                         'idx_users_email dropped');

-- A soft-deleted user still holds the address (uniqueness over all rows: docs/schema-notes.md,
-- "Decisions where the draft was silent", 2).
UPDATE users SET deleted_at = now() WHERE id = '00000000-0000-0000-0000-0000000000b1';
SELECT pg_temp.assert_fails(
    $q$INSERT INTO users (email, password_hash, name, role) VALUES ('Bob@Example.com', 'x', 'Bob 2', 'AGENT')$q$,
    '23505', 'idx_users_email_lower', 'email of a soft-deleted user stays taken');

-- employee_id stays unique.
SELECT pg_temp.assert_fails(
    $q$INSERT INTO users (email, password_hash, name, role, employee_id) VALUES ('c@example.com', 'x', 'C', 'AGENT', 'E001')$q$,
    '23505', 'users_employee_id_key', 'employee_id unique');

-- Nobody is their own team leader or manager.
SELECT pg_temp.assert_fails(
    $q$UPDATE users SET team_leader_id = id WHERE id = '00000000-0000-0000-0000-0000000000a1'$q$,
    '23514', 'users_team_leader_not_self', 'team_leader_id <> id');
SELECT pg_temp.assert_fails(
    $q$UPDATE users SET manager_id = id WHERE id = '00000000-0000-0000-0000-0000000000a1'$q$,
    '23514', 'users_manager_not_self', 'manager_id <> id');

-- Another user as manager is fine.
INSERT INTO users (id, email, password_hash, name, role)
VALUES ('00000000-0000-0000-0000-0000000000c1', 'meg@example.com', 'x', 'Meg', 'MANAGER');
UPDATE users SET manager_id = '00000000-0000-0000-0000-0000000000c1' WHERE id = '00000000-0000-0000-0000-0000000000a1';
SELECT pg_temp.assert_eq((SELECT manager_id FROM users WHERE id = '00000000-0000-0000-0000-0000000000a1'),
                         '00000000-0000-0000-0000-0000000000c1'::uuid, 'manager set');

-- Columns with a default are NOT NULL: an explicit NULL status or timezone is refused.
SELECT pg_temp.assert_fails(
    $q$UPDATE users SET status = NULL WHERE id = '00000000-0000-0000-0000-0000000000a1'$q$,
    '23502', NULL, 'status NOT NULL');
SELECT pg_temp.assert_fails(
    $q$UPDATE users SET timezone = NULL WHERE id = '00000000-0000-0000-0000-0000000000a1'$q$,
    '23502', NULL, 'timezone NOT NULL');

-- Enum values are upper-case strings (docs/architecture.md, "JSON"); anything else is refused.
SELECT pg_temp.assert_fails(
    $q$INSERT INTO users (email, password_hash, name, role) VALUES ('d@example.com', 'x', 'D', 'agent')$q$,
    '22P02', NULL, 'role enum is upper case');

-- TIMESTAMPTZ: an instant given with an offset is the same instant in UTC.
-- 2024-01-15 09:00 at -05:00 = 14:00 UTC.
UPDATE users SET last_login_at = '2024-01-15 09:00:00-05' WHERE id = '00000000-0000-0000-0000-0000000000a1';
SELECT pg_temp.assert_eq(
    (SELECT last_login_at AT TIME ZONE 'UTC' FROM users WHERE id = '00000000-0000-0000-0000-0000000000a1'),
    '2024-01-15 14:00:00'::timestamp, 'last_login_at is an absolute instant');
