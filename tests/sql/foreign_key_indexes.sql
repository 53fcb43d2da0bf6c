-- Every foreign key (in every migration) has an index whose leading columns are the
-- FK's columns and that is not partial (docs/schema-notes.md, "Mistakes in the draft and
-- how they are fixed", 9).

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

-- List of "table(column)" FKs without such an index: must be empty.
SELECT pg_temp.assert_eq(
    (SELECT string_agg(format('%s(%s)', con.conrelid::regclass,
                              (SELECT string_agg(a.attname, ',') FROM pg_attribute a
                               WHERE a.attrelid = con.conrelid AND a.attnum = ANY (con.conkey))), ', ')
     FROM pg_constraint con
     JOIN pg_namespace n ON n.oid = con.connamespace AND n.nspname = 'public'
     WHERE con.contype = 'f'
       AND NOT EXISTS (
           SELECT 1 FROM pg_index i
           WHERE i.indrelid = con.conrelid
             AND i.indpred IS NULL
             AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] = con.conkey)),
    NULL::text, 'foreign keys without an index');

-- Sanity of the check itself: action_items has 4 FKs (session_id, agent_id,
-- assigned_by, verified_by), each led by one of its indexes.
SELECT pg_temp.assert_eq(
    (SELECT count(*) FROM pg_constraint WHERE conrelid = 'action_items'::regclass AND contype = 'f'),
    4::bigint, 'action_items FKs');
SELECT pg_temp.assert_eq(
    (SELECT string_agg(a.attname, ',' ORDER BY a.attname)
     FROM pg_constraint con
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
     WHERE con.conrelid = 'action_items'::regclass AND con.contype = 'f'
       AND EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = con.conrelid AND i.indpred IS NULL
                   AND i.indkey[0] = con.conkey[1])),
    'agent_id,assigned_by,session_id,verified_by', 'action_items FKs indexed');
