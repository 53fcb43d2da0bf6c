-- action_items: update_action_item_status() trigger. "Today" is CURRENT_DATE.
-- Rules: PENDING/IN_PROGRESS past due and not completed -> OVERDUE (draft);
-- OVERDUE with due_date >= today -> IN_PROGRESS if progress > 0 else PENDING;
-- OVERDUE with completed_date -> COMPLETED; COMPLETED without completed_date ->
-- completed_date = now(); CANCELLED untouched.

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

-- Item n with a status, a due date relative to today, progress and completed_date.
CREATE OR REPLACE FUNCTION pg_temp.item(n int, st text, due_in_days int, progress int DEFAULT 0,
                                        completed timestamptz DEFAULT NULL)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO action_items (id, agent_id, assigned_by, title, description, due_date, status,
                              progress_percentage, completed_date)
    VALUES (('00000000-0000-0000-0000-0000000030' || lpad(n::text, 2, '0'))::uuid,
            '00000000-0000-0000-0000-0000000000b1', '00000000-0000-0000-0000-0000000000a1',
            'item ' || n, 'do it', CURRENT_DATE + due_in_days, st::action_item_status, progress, completed);
$$;

CREATE OR REPLACE FUNCTION pg_temp.status_of(n int)
RETURNS text
LANGUAGE sql
AS $$
    SELECT status::text FROM action_items WHERE id = ('00000000-0000-0000-0000-0000000030' || lpad(n::text, 2, '0'))::uuid;
$$;

CREATE OR REPLACE FUNCTION pg_temp.id_of(n int)
RETURNS uuid
LANGUAGE sql
AS $$
    SELECT ('00000000-0000-0000-0000-0000000030' || lpad(n::text, 2, '0'))::uuid;
$$;

-- On INSERT ------------------------------------------------------------------
-- due yesterday, PENDING, not completed -> OVERDUE
SELECT pg_temp.item(1, 'PENDING', -1);
SELECT pg_temp.assert_eq(pg_temp.status_of(1), 'OVERDUE', 'insert PENDING due yesterday');
-- due 30 days ago, IN_PROGRESS -> OVERDUE
SELECT pg_temp.item(2, 'IN_PROGRESS', -30, 50);
SELECT pg_temp.assert_eq(pg_temp.status_of(2), 'OVERDUE', 'insert IN_PROGRESS due 30 days ago');
-- due today is not past due (due_date < today is false) -> PENDING
SELECT pg_temp.item(3, 'PENDING', 0);
SELECT pg_temp.assert_eq(pg_temp.status_of(3), 'PENDING', 'insert PENDING due today');
-- due tomorrow -> PENDING
SELECT pg_temp.item(4, 'PENDING', 1);
SELECT pg_temp.assert_eq(pg_temp.status_of(4), 'PENDING', 'insert PENDING due tomorrow');
-- past due but completed_date set -> not OVERDUE (draft rule kept)
SELECT pg_temp.item(5, 'IN_PROGRESS', -2, 90, '2024-01-01 12:00+00');
SELECT pg_temp.assert_eq(pg_temp.status_of(5), 'IN_PROGRESS', 'insert past due with completed_date');
-- CANCELLED past due stays CANCELLED
SELECT pg_temp.item(6, 'CANCELLED', -5);
SELECT pg_temp.assert_eq(pg_temp.status_of(6), 'CANCELLED', 'insert CANCELLED past due');
-- COMPLETED past due with a completion date stays COMPLETED, date kept
SELECT pg_temp.item(7, 'COMPLETED', -5, 100, '2024-02-03 04:05:06+00');
SELECT pg_temp.assert_eq(pg_temp.status_of(7), 'COMPLETED', 'insert COMPLETED past due');
SELECT pg_temp.assert_eq((SELECT completed_date FROM action_items WHERE id = pg_temp.id_of(7)),
                         '2024-02-03 04:05:06+00'::timestamptz, 'given completed_date kept');
-- COMPLETED without completed_date -> completed_date = now() (same transaction in the DO block)
DO $$
BEGIN
    PERFORM pg_temp.item(8, 'COMPLETED', 3);
    PERFORM pg_temp.assert_eq((SELECT completed_date FROM action_items WHERE id = pg_temp.id_of(8)),
                              now(), 'insert COMPLETED sets completed_date');
END;
$$;
-- OVERDUE given on insert for a future due date -> PENDING (OVERDUE is derived)
SELECT pg_temp.item(9, 'OVERDUE', 2);
SELECT pg_temp.assert_eq(pg_temp.status_of(9), 'PENDING', 'insert OVERDUE due in 2 days');

-- On UPDATE ------------------------------------------------------------------
-- item 4 (PENDING, due tomorrow): due date moved to 3 days ago -> OVERDUE
UPDATE action_items SET due_date = CURRENT_DATE - 3 WHERE id = pg_temp.id_of(4);
SELECT pg_temp.assert_eq(pg_temp.status_of(4), 'OVERDUE', 'update due date into the past');
-- item 3 (PENDING, due today): due date moved to yesterday -> OVERDUE
UPDATE action_items SET due_date = CURRENT_DATE - 1 WHERE id = pg_temp.id_of(3);
SELECT pg_temp.assert_eq(pg_temp.status_of(3), 'OVERDUE', 'update to yesterday');
-- item 9: IN_PROGRESS due tomorrow, then moved to yesterday -> OVERDUE
UPDATE action_items SET status = 'IN_PROGRESS', due_date = CURRENT_DATE + 1, progress_percentage = 10
WHERE id = pg_temp.id_of(9);
UPDATE action_items SET due_date = CURRENT_DATE - 1, progress_percentage = 10 WHERE id = pg_temp.id_of(9);
SELECT pg_temp.assert_eq(pg_temp.status_of(9), 'OVERDUE', 'IN_PROGRESS moved past due');

-- The daily sweep: an item saved before its due date passed (simulated by
-- inserting it with the trigger disabled) becomes OVERDUE on a no-op touch.
ALTER TABLE action_items DISABLE TRIGGER check_action_overdue;
SELECT pg_temp.item(10, 'PENDING', -1);
ALTER TABLE action_items ENABLE TRIGGER check_action_overdue;
SELECT pg_temp.assert_eq(pg_temp.status_of(10), 'PENDING', 'item 10 stored PENDING without the trigger');
UPDATE action_items SET status = status WHERE status IN ('PENDING', 'IN_PROGRESS') AND due_date < CURRENT_DATE;
SELECT pg_temp.assert_eq(pg_temp.status_of(10), 'OVERDUE', 'sweep marks item 10 OVERDUE');

-- Back from OVERDUE: item 1 (progress 0) due date moved to today -> PENDING
UPDATE action_items SET due_date = CURRENT_DATE WHERE id = pg_temp.id_of(1);
SELECT pg_temp.assert_eq(pg_temp.status_of(1), 'PENDING', 'OVERDUE back to PENDING when due today');
-- item 2 (progress 50) due date moved to next week -> IN_PROGRESS
UPDATE action_items SET due_date = CURRENT_DATE + 7 WHERE id = pg_temp.id_of(2);
SELECT pg_temp.assert_eq(pg_temp.status_of(2), 'IN_PROGRESS', 'OVERDUE back to IN_PROGRESS (progress 50)');
-- item 4 (OVERDUE, due 3 days ago) moved to yesterday: still past due -> OVERDUE
UPDATE action_items SET due_date = CURRENT_DATE - 1 WHERE id = pg_temp.id_of(4);
SELECT pg_temp.assert_eq(pg_temp.status_of(4), 'OVERDUE', 'OVERDUE stays while still past due');
-- item 4: a completed_date set while OVERDUE -> COMPLETED, date kept
UPDATE action_items SET completed_date = '2024-03-01 08:00+00' WHERE id = pg_temp.id_of(4);
SELECT pg_temp.assert_eq(pg_temp.status_of(4), 'COMPLETED', 'OVERDUE with completed_date -> COMPLETED');
SELECT pg_temp.assert_eq((SELECT completed_date FROM action_items WHERE id = pg_temp.id_of(4)),
                         '2024-03-01 08:00+00'::timestamptz, 'completed_date kept');
-- item 3 (OVERDUE): status set to COMPLETED -> completed_date = now()
DO $$
BEGIN
    UPDATE action_items SET status = 'COMPLETED' WHERE id = pg_temp.id_of(3);
    PERFORM pg_temp.assert_eq(pg_temp.status_of(3), 'COMPLETED', 'OVERDUE completed');
    PERFORM pg_temp.assert_eq((SELECT completed_date FROM action_items WHERE id = pg_temp.id_of(3)),
                              now(), 'completing sets completed_date');
END;
$$;
-- item 6 (CANCELLED): moving the due date further into the past leaves it CANCELLED
UPDATE action_items SET due_date = CURRENT_DATE - 10 WHERE id = pg_temp.id_of(6);
SELECT pg_temp.assert_eq(pg_temp.status_of(6), 'CANCELLED', 'CANCELLED untouched');

-- Final tally: 1 PENDING, 2 IN_PROGRESS, 3 COMPLETED, 4 COMPLETED, 5 IN_PROGRESS,
-- 6 CANCELLED, 7 COMPLETED, 8 COMPLETED, 9 OVERDUE, 10 OVERDUE.
SELECT pg_temp.assert_eq(
    (SELECT string_agg(status::text, ',' ORDER BY id) FROM action_items),
    'PENDING,IN_PROGRESS,COMPLETED,COMPLETED,IN_PROGRESS,CANCELLED,COMPLETED,COMPLETED,OVERDUE,OVERDUE',
    'statuses after all updates');

-- progress_percentage stays 0..100 and NOT NULL (draft CHECK + default).
SELECT pg_temp.assert_fails($q$UPDATE action_items SET progress_percentage = 101$q$,
                            '23514', 'action_items_progress_percentage_check', 'progress 101');
SELECT pg_temp.assert_fails($q$UPDATE action_items SET progress_percentage = NULL$q$,
                            '23502', NULL, 'progress NOT NULL');
