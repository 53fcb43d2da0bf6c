-- Serializes concurrent loads (two `coach serve` instances starting on one empty database):
-- the second waits, then sees the users and refuses. $1 db::locks::kDemoData.
SELECT pg_advisory_xact_lock(hashtext($1))
