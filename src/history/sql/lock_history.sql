-- Takes the history job's advisory lock (as refresh_history.sql) until the transaction ends.
SELECT pg_advisory_xact_lock(hashtext('coach.job.' || 'history')::bigint)
