-- ran: whether job $1 succeeded, in a run other than $2, for the local day $3 (date) or a later
-- one, in a run that counts for the scheduler (plan.sql): any trigger but an import's partial
-- recompute, and not run for another date. A run without local_day (made before migration
-- 0030), or any run when $3 is NULL, counts when it started at or after $4 (timestamptz: the
-- run time being served).
SELECT EXISTS (
    SELECT 1 FROM job_runs
     WHERE job_name = $1 AND id <> $2::uuid AND status = 'SUCCESS'
       AND (local_day >= $3::date
            OR ((local_day IS NULL OR $3::date IS NULL) AND started_at >= $4::timestamptz))
       AND params->>'date' IS NULL
       AND params->>'trigger' IS DISTINCT FROM 'import') AS ran
