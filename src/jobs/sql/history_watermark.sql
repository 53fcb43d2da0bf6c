-- started_at: the start of the history job's last successful incremental or full run
-- (NULL when there is none); runs for another date do not count.
SELECT max(started_at)::text AS started_at
  FROM job_runs
 WHERE job_name = 'history' AND status = 'SUCCESS'
   AND params->>'date' IS NULL
   AND params->>'mode' IN ('incremental', 'full')
