-- Prepended to every tests/sql/*.sql script (sql_scripts_test.cpp), after assert_eq.sql.
-- The types of a row's events, in order, e.g. 'PIP_ENDED@2024-01-31,SESSION_COMPLETED@2024-02-01'.
CREATE OR REPLACE FUNCTION pg_temp.ev(a text, pt text, ending text)
RETURNS text
LANGUAGE sql
AS $$
    SELECT coalesce(string_agg((e->>'type') || '@' || (e->>'date'), ',' ORDER BY ord), '')
    FROM performance_history h
    CROSS JOIN LATERAL jsonb_array_elements(h.annotations->'events') WITH ORDINALITY AS x(e, ord)
    WHERE h.agent_id = a::uuid AND h.period_type = pt::period_type AND h.period_ending = ending::date;
$$;
