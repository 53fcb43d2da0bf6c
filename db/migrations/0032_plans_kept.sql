-- Statements planned again on every call (bench/RESULTS.md, "Issue 13: plans kept").
--
-- 1. utc_schedule_history and utc_prep_data (0026) are SQL functions with a subquery, which
--    PostgreSQL does not inline. Called from coaching_session_json (PL/pgSQL), each call
--    planned its body again: 0.4 ms a session, so a page of 50 sessions spent 20 ms planning
--    and a prep 1 ms. As PL/pgSQL they keep their plans per connection (the lesson of 0024's
--    part 3). Same bodies, same results.
-- 2. refresh_agent_coaching_facts (0028) runs at the commit of every HIGH note and completed
--    session. Its statement takes the agents as an array, for which PostgreSQL's plan cache
--    kept choosing a plan of its own per call (1.1 ms of planning, against 0.5 ms of work for
--    one agent). The generic plan is the same per-agent plan (an index probe per subquery) for
--    one agent and for every agent (the nightly job: the same 0.2 s for 5,000 agents).

-- 1 -------------------------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION utc_schedule_history(h jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    IF jsonb_array_length(h) = 0 THEN
        RETURN h;
    END IF;
    RETURN (SELECT jsonb_agg(e || jsonb_build_object(
                                 'scheduled_date', utc_json((e ->> 'scheduled_date')::timestamptz),
                                 'changed_at', utc_json((e ->> 'changed_at')::timestamptz))
                             ORDER BY i)
              FROM jsonb_array_elements(h) WITH ORDINALITY AS x (e, i));
END;
$$;

CREATE OR REPLACE FUNCTION utc_prep_data(p jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN p
           || CASE WHEN jsonb_typeof(p -> 'unaddressed_notes') = 'array'
                    AND jsonb_array_length(p -> 'unaddressed_notes') > 0
                   THEN jsonb_build_object('unaddressed_notes', (
                            SELECT jsonb_agg(
                                       CASE WHEN n ? 'created_at'
                                            THEN n || jsonb_build_object(
                                                     'created_at',
                                                     utc_json((n ->> 'created_at')::timestamptz))
                                            ELSE n END
                                       ORDER BY i)
                              FROM jsonb_array_elements(p -> 'unaddressed_notes')
                                   WITH ORDINALITY AS x (n, i)))
                   ELSE '{}'::jsonb END
           || CASE WHEN jsonb_typeof(p -> 'last_session') = 'object'
                    AND (p -> 'last_session') ? 'date'
                   THEN jsonb_build_object('last_session', (p -> 'last_session')
                            || jsonb_build_object('date',
                                   utc_json((p #>> '{last_session,date}')::timestamptz)))
                   ELSE '{}'::jsonb END;
END;
$$;

-- 2 -------------------------------------------------------------------------------------------
ALTER FUNCTION refresh_agent_coaching_facts(uuid[]) SET plan_cache_mode = force_generic_plan;
