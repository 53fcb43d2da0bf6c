-- 0004_jobs.sql — helpers of the in-process job scheduler (src/jobs/): the organisation's
-- time zone and the daily run times of a job in it. The jobs themselves are set-based SQL
-- next to their C++ code; their runs are recorded in job_runs (0002).
-- No BEGIN/COMMIT: the migration runner wraps this file in one transaction.

-- The organisation's time zone: the settings row 'timezone' (a JSON string such as
-- "Europe/Berlin") when it names a zone PostgreSQL knows, else p_fallback (COACH_TIMEZONE)
-- when that is valid, else 'UTC'.
-- DECISION: an invalid setting never stops the jobs: it falls back (the scheduler logs the
-- zone it uses).
CREATE FUNCTION job_timezone(p_fallback text DEFAULT 'UTC')
RETURNS text
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    candidate text;
BEGIN
    FOREACH candidate IN ARRAY ARRAY[
        (SELECT s.value #>> '{}' FROM settings s WHERE s.key = 'timezone'),
        p_fallback]
    LOOP
        CONTINUE WHEN candidate IS NULL OR candidate = '';
        BEGIN
            PERFORM now() AT TIME ZONE candidate;
            RETURN candidate;
        EXCEPTION WHEN invalid_parameter_value THEN
            NULL; -- not a time zone: try the next one
        END;
    END LOOP;
    RETURN 'UTC';
END;
$$;

-- The instant of the local time p_at on the local date p_day in zone p_tz.
-- PostgreSQL's rules for times a DST change makes ambiguous or nonexistent apply: a
-- nonexistent local time (spring forward, e.g. 02:30 in Europe/Berlin on 2024-03-31) is
-- read with the offset before the change (01:30 UTC = 03:30 CEST); an ambiguous one (fall
-- back, 02:30 on 2024-10-27) is the later instant, in standard time (01:30 UTC). Either way
-- every local date maps to exactly one instant, so a daily job runs once a day.
CREATE FUNCTION job_run_at(p_at time, p_tz text, p_day date)
RETURNS timestamptz
LANGUAGE sql
STABLE
AS $$
    SELECT (p_day + p_at) AT TIME ZONE p_tz;
$$;

-- The latest daily run time (p_at in p_tz) at or before p_now.
CREATE FUNCTION job_prev_run(p_at time, p_tz text, p_now timestamptz)
RETURNS timestamptz
LANGUAGE sql
STABLE
AS $$
    SELECT CASE
               WHEN job_run_at(p_at, p_tz, (p_now AT TIME ZONE p_tz)::date) <= p_now
               THEN job_run_at(p_at, p_tz, (p_now AT TIME ZONE p_tz)::date)
               ELSE job_run_at(p_at, p_tz, (p_now AT TIME ZONE p_tz)::date - 1)
           END;
$$;

-- The first daily run time (p_at in p_tz) strictly after p_now.
CREATE FUNCTION job_next_run(p_at time, p_tz text, p_now timestamptz)
RETURNS timestamptz
LANGUAGE sql
STABLE
AS $$
    SELECT CASE
               WHEN job_run_at(p_at, p_tz, (p_now AT TIME ZONE p_tz)::date) > p_now
               THEN job_run_at(p_at, p_tz, (p_now AT TIME ZONE p_tz)::date)
               ELSE job_run_at(p_at, p_tz, (p_now AT TIME ZONE p_tz)::date + 1)
           END;
$$;
