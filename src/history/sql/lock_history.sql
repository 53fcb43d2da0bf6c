-- Takes the history job's advisory lock (as refresh_history.sql) until the transaction ends:
-- $1 its name, db::locks::job("history").
SELECT pg_advisory_xact_lock(hashtext($1)::bigint)
