-- The days and agents whose history changed since $1 (timestamptz, less a margin of one
-- hour), up to $2 (date): metric rows written, and the annotation events (0003's `events`,
-- dated the same way) of sessions, plans and action items written since. One row: first_day
-- and last_day (NULL when nothing changed), agents (uuid[] as text).
WITH changed (agent_id, day) AS (
    SELECT agent_id, metric_date FROM performance_metrics
     WHERE updated_at > $1::timestamptz - interval '1 hour'
    UNION ALL
    SELECT agent_id, coalesce(actual_start_time, scheduled_date)::date
      FROM coaching_sessions WHERE updated_at > $1::timestamptz - interval '1 hour'
    UNION ALL
    SELECT agent_id, start_date FROM action_plans
     WHERE updated_at > $1::timestamptz - interval '1 hour'
    UNION ALL
    SELECT agent_id, actual_end_date FROM action_plans
     WHERE updated_at > $1::timestamptz - interval '1 hour' AND actual_end_date IS NOT NULL
    UNION ALL
    SELECT agent_id, completed_date::date FROM action_items
     WHERE updated_at > $1::timestamptz - interval '1 hour' AND completed_date IS NOT NULL
)
SELECT min(day)::text AS first_day, max(day)::text AS last_day,
       array_agg(DISTINCT agent_id)::text AS agents
  FROM changed
 WHERE day <= $2::date
