-- The jobs' plan at $3 (timestamptz; NULL = coach_now()), one row per job in schedule order:
-- $1 the schedule (jobs::schedule_json: name, description, time, takes_date, takes_full),
-- $2 the fallback time zone (the setting 'timezone' wins). Columns: name, time (HH:MM),
-- timezone, prev_run (the latest run time at or before now), prev_day (its local date: the day
-- a run now serves), next_run (the first after), due_at (when the scheduler runs it next), due
-- (due_at has come), ms_until_due (<= 0 when due); times as RFC 3339 text. json: the job as GET /api/v1/jobs lists it, with the start of
-- its last SUCCESS and its last 10 runs, newest first (a run is its job_runs row,
-- jobs/run_json).
-- When a job is due: jobs/schedule.hpp. A run counts by the local day it served (local_day,
-- migration 0030); one without (made before that migration) by the local day of the run time
-- it started after, in today's zone, i.e. when it started at or after prev and by now. Runs for
-- another date and an import's partial recompute do not count.
WITH z AS MATERIALIZED (  -- job_timezone() reads pg_timezone_names: once
    SELECT job_timezone($2) AS tz, coalesce($3::timestamptz, coach_now()) AS now
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
), d AS (
    SELECT s.*, (s.prev AT TIME ZONE s.tz)::date AS prev_day FROM s
), c AS (
    SELECT d.*,
           CASE WHEN NOT k.done AND k.failures < 3
                THEN greatest(d.prev, coalesce(k.retry_at, d.prev))
                ELSE d.next
           END AS due_at
      FROM d
     CROSS JOIN LATERAL (
         -- The runs whose day, coalesce(local_day, the day of the run time they started
         -- after), is prev_day or later: a day served in a zone further east counts, so moving
         -- west never runs a day twice. Failures and retries count for prev_day only.
         SELECT coalesce(bool_or(r.status IN ('SUCCESS', 'RUNNING')), false) AS done,
                count(*) FILTER (WHERE r.status = 'FAILED'
                                   AND coalesce(r.local_day, d.prev_day) = d.prev_day)
                    AS failures,
                max(coalesce(r.finished_at, r.started_at)
                    + CASE WHEN r.status = 'FAILED' THEN interval '10 minutes'
                           ELSE interval '1 minute' END)
                    FILTER (WHERE r.status IN ('FAILED', 'SKIPPED')
                              AND coalesce(r.local_day, d.prev_day) = d.prev_day) AS retry_at
           FROM job_runs r
          WHERE r.job_name = d.name
            AND (r.local_day >= d.prev_day
                 OR (r.local_day IS NULL AND r.started_at >= d.prev AND r.started_at <= d.now))
            AND r.params->>'date' IS NULL
            AND r.params->>'trigger' IS DISTINCT FROM 'import'
     ) k
)
SELECT c.name, to_char(c.at, 'HH24:MI') AS time, c.tz AS timezone,
       to_json(c.prev) #>> '{}' AS prev_run, c.prev_day::text AS prev_day,
       to_json(c.next) #>> '{}' AS next_run,
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
