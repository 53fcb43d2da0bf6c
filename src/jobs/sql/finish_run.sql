-- Marks run $1 finished with status $2 (job_run_status), rows_affected $3 and error $4.
UPDATE job_runs
   SET status = $2::job_run_status, finished_at = clock_timestamp(), rows_affected = $3,
       error = $4
 WHERE id = $1::uuid
