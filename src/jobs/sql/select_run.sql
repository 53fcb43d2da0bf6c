-- json: run $1, its job_runs row as JSON (every column by name).
SELECT to_json(r)::text AS json FROM job_runs r WHERE r.id = $1::uuid
