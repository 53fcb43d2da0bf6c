-- A RUNNING job_runs row for job $1 with params $2 (JSON object) and instance $3: its id.
-- Its local_day (migration 0030; jobs/schedule.hpp), the local day whose run time it serves:
-- $4 (date: the scheduler's prev_day) when given; else the local date of the latest run time of
-- the job's time $5 (HH:MM) at or before $7 (timestamptz; NULL = coach_now()) in the
-- organisation's zone (fallback $6), as plan.sql computes prev_day; NULL for a run for another
-- date, an import's recompute, or without $4 and $5 (such runs do not count for the schedule).
INSERT INTO job_runs (job_name, status, params, instance, local_day)
VALUES ($1, 'RUNNING', $2::jsonb, $3,
        CASE WHEN $2::jsonb->>'date' IS NOT NULL
                  OR $2::jsonb->>'trigger' IS NOT DISTINCT FROM 'import' THEN NULL
             WHEN $4::date IS NOT NULL THEN $4::date
             WHEN $5::time IS NOT NULL
             -- Only here: job_timezone() reads pg_timezone_names.
             THEN (SELECT (job_prev_run($5::time, tz, at) AT TIME ZONE tz)::date
                     FROM job_timezone($6) AS tz,
                          (SELECT coalesce($7::timestamptz, coach_now())) AS n(at))
        END)
RETURNING id
