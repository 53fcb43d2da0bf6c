-- Prepended to every tests/sql/*.sql script by SqlScript (sql_scripts_test.cpp):
-- pg_temp.assert_eq(actual, expected, what) raises when the two differ (NULL equals NULL).
CREATE OR REPLACE FUNCTION pg_temp.assert_eq(actual anycompatible, expected anycompatible, what text)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF actual IS DISTINCT FROM expected THEN
        RAISE EXCEPTION '%: expected %, got %',
            what, coalesce(expected::text, 'NULL'), coalesce(actual::text, 'NULL');
    END IF;
END;
$$;
