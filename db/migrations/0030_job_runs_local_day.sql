-- A job run records the organisation's local day whose run time it serves (jobs/schedule.hpp):
-- the scheduler decides whether a job is due by days, not by instants, so a change of time
-- zone neither runs a day twice (moving west) nor leaves one out (moving east). NULL: a run
-- for another date (--date), an import's recompute, or a run made before this migration.
ALTER TABLE job_runs ADD COLUMN local_day date;
CREATE INDEX idx_job_runs_name_local_day ON job_runs (job_name, local_day);

-- DECISION: the backfill takes the day the run's body worked for (params.today), which is not
-- always the day it served (a run before its job time serves the day before). So only runs
-- older than two days get it: no such day can count for a run time still to come. Newer runs
-- keep NULL and are judged by their start, as before this migration (plan.sql).
UPDATE job_runs
   SET local_day = (params->>'today')::date
 WHERE params->>'today' IS NOT NULL
   AND params->>'date' IS NULL
   AND params->>'trigger' IS DISTINCT FROM 'import'
   AND started_at < now() - interval '2 days';
