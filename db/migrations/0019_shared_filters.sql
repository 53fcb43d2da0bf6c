-- 0019_shared_filters.sql — pieces that several queries share.

-- Every day of metrics in one place: the live rows, and the archived
-- ones for days no longer live (docs/domain.md, "Retention and the archive"). A plain SQL
-- function, so PostgreSQL inlines it: the caller's filters on the agent and the dates reach
-- into both branches and their indexes. Not for a scope of many agents: the correlations
-- filter each branch themselves (bench/RESULTS.md, "Why the code is as it is").
CREATE FUNCTION metric_days() RETURNS SETOF performance_metrics
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT * FROM performance_metrics
UNION ALL
SELECT a.*
  FROM performance_metrics_archive a
 WHERE NOT EXISTS (SELECT 1 FROM performance_metrics l
                    WHERE l.agent_id = a.agent_id AND l.metric_date = a.metric_date)
$$;

-- Whether day d is within [p_from, p_to], a NULL bound being none: the optional date filters
-- of the list endpoints ("from", "to"). Plain SQL, inlined: with the bounds known the planner
-- folds the NULL tests away and an index on d serves what is left.
CREATE FUNCTION in_date_range(d date, p_from date, p_to date) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT (p_from IS NULL OR d >= p_from) AND (p_to IS NULL OR d <= p_to)
$$;
