-- refresh_snapshots.sql for an empty list of agents: refreshes nothing (the function would
-- only take its locks).
SELECT 0::bigint AS refreshed
