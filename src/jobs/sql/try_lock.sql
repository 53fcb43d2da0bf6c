-- locked: whether this transaction took the lock of the job whose lock name is $1
-- (db::locks::job): one run of a job at a time across instances.
SELECT pg_try_advisory_xact_lock(hashtext($1)::bigint) AS locked
