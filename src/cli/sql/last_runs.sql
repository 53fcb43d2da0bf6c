-- Each job's last run: job_name, status, started (RFC 3339), rows_affected, error.
SELECT DISTINCT ON (job_name) job_name, status, utc_json(started_at) AS started,
       rows_affected, error
  FROM job_runs
 ORDER BY job_name, started_at DESC
