-- A RUNNING job_runs row for job $1 with params $2 (JSON object) and instance $3: its id.
INSERT INTO job_runs (job_name, status, params, instance)
VALUES ($1, 'RUNNING', $2::jsonb, $3)
RETURNING id
