-- Refreshes the snapshots of agents $1 (uuid[]; NULL: all) as of $2 (a date; NULL:
-- coach_today()). refreshed: the number of snapshots written.
SELECT refresh_agent_snapshots($1::uuid[], coalesce($2::date, coach_today())) AS refreshed
