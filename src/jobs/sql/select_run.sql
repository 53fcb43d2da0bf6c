-- json: run $1, its job_runs row as JSON (every column by name: jobs/run_json).
SELECT {{jobs/run_json(r)}}::text AS json FROM job_runs r WHERE r.id = $1::uuid
