-- Recomputes performance_history for the days $1 .. $2 (dates) of the agents $3 (uuid[]; NULL:
-- every agent): refresh_performance_history_for_days (migrations 0003, 0013). changed: the
-- rows inserted, updated or deleted. Under the history job's advisory lock ($4 its name,
-- db::locks::job("history"): the job runner's key for the job; lock_history.sql takes the
-- same), taken before the refresh starts (MATERIALIZED CTE) and held to the end of the
-- transaction; the function's statements take fresh snapshots, so they see what a history job
-- committed while this waited.
WITH lock AS MATERIALIZED (
    SELECT pg_advisory_xact_lock(hashtext($4)::bigint)
)
SELECT refresh_performance_history_for_days($1::date, $2::date, $3::uuid[]) AS changed
  FROM lock
