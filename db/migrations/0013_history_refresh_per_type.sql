-- One period type of refresh_performance_history_for_days (0003), as a function of its own:
-- coach runs WEEK, MONTH and QUARTER on separate connections at once for a full rebuild or a
-- large import's recompute (history/refresh.cpp), and the period bounds of a range of days
-- are then computed here, in one place, instead of in a copy of this SQL in C++.
CREATE FUNCTION refresh_performance_history_type_for_days(
    p_type   period_type,
    p_from   date,
    p_to     date,
    p_agents uuid[] DEFAULT NULL
)
RETURNS bigint
LANGUAGE sql
AS $$
    SELECT coalesce(sum(refresh_performance_history(
               p_type,
               history_period_end(p_type, p_from),
               history_period_end(p_type, history_period_end(p_type, p_to) + 1),
               p_agents)), 0)::bigint
     WHERE p_from <= p_to
$$;

-- The same signature and result as 0003's: every period type, through the function above.
CREATE OR REPLACE FUNCTION refresh_performance_history_for_days(
    p_from   date,
    p_to     date,
    p_agents uuid[] DEFAULT NULL
)
RETURNS bigint
LANGUAGE sql
AS $$
    SELECT coalesce(sum(refresh_performance_history_type_for_days(t.p, p_from, p_to, p_agents)),
                    0)::bigint
      FROM unnest(enum_range(NULL::period_type)) AS t(p)
$$;
