-- ran: whether job $1 succeeded, in a run other than $2, since $3 (timestamptz), in a run that
-- counts as "the job ran today" for the scheduler: any trigger but an import's partial
-- recompute, and not run for another date.
SELECT EXISTS (
    SELECT 1 FROM job_runs
     WHERE job_name = $1 AND id <> $2::uuid AND status = 'SUCCESS'
       AND started_at >= $3::timestamptz
       AND params->>'date' IS NULL
       AND params->>'trigger' IS DISTINCT FROM 'import') AS ran
