-- snapshots: every agent's dashboard snapshot recomputed for the day $1 (0006's
-- refresh_agent_snapshots); how many were written.
SELECT refresh_agent_snapshots(NULL, $1::date) AS snapshots
