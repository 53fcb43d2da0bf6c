-- What a COACHING_HISTORY import $1 changed: the agents and days of the sessions it inserted or
-- updated, as they are after the import and as they were before it (history annotations list
-- the completed sessions by day). Columns as in changed_metric_days.sql.
SELECT array_agg(DISTINCT agent_id)::text AS agents, min(day)::text AS first_day,
       max(day)::text AS last_day
  FROM (SELECT agent_id, occurred_on AS day FROM import_row_changes
         WHERE import_id = $1::uuid AND table_name = 'coaching_sessions'
        UNION ALL
        SELECT (before->>'agent_id')::uuid,
               coalesce(before->>'actual_start_time', before->>'scheduled_date')::timestamptz::date
          FROM import_row_changes
         WHERE import_id = $1::uuid AND table_name = 'coaching_sessions'
           AND action = 'UPDATED') changed
HAVING count(*) > 0
