-- The demo's sessions scheduled until a week from now (it schedules none before today), which
-- demo::derive prepares as their team leaders would have: the prep view shows something on the
-- first run.
SELECT id::text AS id
  FROM coaching_sessions
 WHERE status = 'SCHEDULED' AND scheduled_date < now() + interval '7 days'
 ORDER BY scheduled_date, id
