-- The jobs' plan at $3 (timestamptz; NULL = now()), one row per job in schedule order:
-- $1 the schedule (jobs::schedule_json: name, description, time, takes_date, takes_full),
-- $2 the fallback time zone (the setting 'timezone' wins). Columns: name, time (HH:MM),
-- timezone, prev_run (the latest run time at or before now), next_run (the first after),
-- due_at (when the scheduler runs it next), due (due_at has come), ms_until_due (<= 0 when
-- due); times as RFC 3339 text. json: the job as GET /api/v1/jobs lists it, with the start of
-- its last SUCCESS and its last 10 runs, newest first (a run is its job_runs row,
-- jobs/run_json).
-- When a job is due: jobs/schedule.hpp. Runs for another date and an import's partial
-- recompute do not count for a run time.
WITH z AS (
    SELECT job_timezone($2) AS tz, coalesce($3::timestamptz, now()) AS now
), j AS (
    SELECT j.name, j.description, j.at::time AS at, j.takes_date, j.takes_full, j.ord
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                      AS (name text, description text, "time" text, takes_date boolean,
                          takes_full boolean))
           WITH ORDINALITY AS j(name, description, at, takes_date, takes_full, ord)
), s AS (
    SELECT j.*, z.tz, z.now,
           job_prev_run(j.at, z.tz, z.now) AS prev,
           job_next_run(j.at, z.tz, z.now) AS next
      FROM j CROSS JOIN z
), c AS (
    SELECT s.*,
           CASE WHEN NOT k.done AND k.failures < 3
                THEN greatest(s.prev, coalesce(k.retry_at, s.prev))
                ELSE s.next
           END AS due_at
      FROM s
     CROSS JOIN LATERAL (
         SELECT coalesce(bool_or(r.status IN ('SUCCESS', 'RUNNING')), false) AS done,
                count(*) FILTER (WHERE r.status = 'FAILED') AS failures,
                max(coalesce(r.finished_at, r.started_at)
                    + CASE WHEN r.status = 'FAILED' THEN interval '10 minutes'
                           ELSE interval '1 minute' END)
                    FILTER (WHERE r.status IN ('FAILED', 'SKIPPED')) AS retry_at
           FROM job_runs r
          WHERE r.job_name = s.name
            AND r.started_at >= s.prev AND r.started_at <= s.now
            AND r.params->>'date' IS NULL
            AND r.params->>'trigger' IS DISTINCT FROM 'import'
     ) k
)
SELECT c.name, to_char(c.at, 'HH24:MI') AS time, c.tz AS timezone,
       to_json(c.prev) #>> '{}' AS prev_run, to_json(c.next) #>> '{}' AS next_run,
       to_json(c.due_at) #>> '{}' AS due_at,
       c.due_at <= c.now AS due,
       ceil(extract(epoch FROM c.due_at - c.now) * 1000)::bigint AS ms_until_due,
       json_build_object(
           'name', c.name, 'description', c.description, 'time', to_char(c.at, 'HH24:MI'),
           'timezone', c.tz, 'takes_date', c.takes_date, 'takes_full', c.takes_full,
           'next_run_at', utc_json(c.next), 'due_now', c.due_at <= c.now,
           'last_success_at', utc_json(ls.started_at),
           'runs', coalesce(rr.runs, '[]'::json))::text AS json
  FROM c
  LEFT JOIN LATERAL (
      SELECT max(started_at) AS started_at FROM job_runs
       WHERE job_name = c.name AND status = 'SUCCESS'
  ) ls ON true
  LEFT JOIN LATERAL (
      SELECT json_agg({{jobs/run_json(r)}} ORDER BY r.started_at DESC) AS runs
        FROM (SELECT * FROM job_runs WHERE job_name = c.name
               ORDER BY started_at DESC LIMIT 10) r
  ) rr ON true
 ORDER BY c.ord
