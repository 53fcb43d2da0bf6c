-- Marks run $1 SUCCESS with rows_affected $2, merging the JSON object $3 into its params.
-- summary: the run's job_name, params and rows_affected (JSON; the audit_log row's "after").
UPDATE job_runs
   SET status = 'SUCCESS', finished_at = clock_timestamp(), rows_affected = $2,
       params = coalesce(params, '{}'::jsonb) || $3::jsonb
 WHERE id = $1::uuid
RETURNING json_build_object('job_name', job_name, 'params', params,
                            'rows_affected', rows_affected)::text AS summary
