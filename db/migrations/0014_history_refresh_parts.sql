-- One period type's refresh (0013) split into parts that run at the same time. A full rebuild
-- or the recompute after a large import writes three WEEK rows for every MONTH and QUARTER row
-- (5,000 agents x 400 days: WEEK 16.4 s, MONTH 5.4 s, QUARTER 3.2 s on one core each), so with
-- one connection per period type the WEEK statement alone decided the time. coach now runs
-- WEEK as two parts on two connections (history/refresh.cpp).
--
-- Part p_part (0-based) of p_parts covers the periods whose ending falls in
-- [first_ending, last_ending]: the days [p_from, p_to] are cut into p_parts runs of about the
-- same number of days; a part ends with the period containing its last day, the next part
-- starts with the period after it. The first part starts with the period containing p_from,
-- the last one ends with the period after the one containing p_to (its trends compare with
-- the changed period), as refresh_performance_history_type_for_days always did. The parts
-- never overlap and together cover exactly that function's range; a part with no period of
-- its own (more parts than periods) has no row. No row either for p_from > p_to or a part
-- number out of range.
CREATE FUNCTION history_refresh_part(
    p_type  period_type,
    p_from  date,
    p_to    date,
    p_part  int,
    p_parts int
)
RETURNS TABLE (first_ending date, last_ending date)
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
    SELECT b.first_ending, b.last_ending
      FROM (SELECT CASE WHEN p_part = 0 THEN history_period_end(p_type, p_from)
                        ELSE history_period_end(p_type,
                                 p_from + (p_to - p_from + 1) * p_part / p_parts - 1) + 1
                   END AS first_ending,
                   CASE WHEN p_part = p_parts - 1
                        THEN history_period_end(p_type, history_period_end(p_type, p_to) + 1)
                        ELSE history_period_end(p_type,
                                 p_from + (p_to - p_from + 1) * (p_part + 1) / p_parts - 1)
                   END AS last_ending
             WHERE p_from <= p_to AND p_part >= 0 AND p_part < p_parts) b
     WHERE b.first_ending <= b.last_ending
$$;

-- One part of one period type's refresh; rows written.
CREATE FUNCTION refresh_performance_history_type_for_days(
    p_type   period_type,
    p_from   date,
    p_to     date,
    p_agents uuid[],
    p_part   int,
    p_parts  int
)
RETURNS bigint
LANGUAGE sql
AS $$
    SELECT coalesce(sum(refresh_performance_history(p_type, b.first_ending, b.last_ending,
                                                    p_agents)), 0)::bigint
      FROM history_refresh_part(p_type, p_from, p_to, p_part, p_parts) b
$$;

-- 0013's function: the whole range, as one part of one.
CREATE OR REPLACE FUNCTION refresh_performance_history_type_for_days(
    p_type   period_type,
    p_from   date,
    p_to     date,
    p_agents uuid[] DEFAULT NULL
)
RETURNS bigint
LANGUAGE sql
AS $$
    SELECT refresh_performance_history_type_for_days(p_type, p_from, p_to, p_agents, 0, 1)
$$;
