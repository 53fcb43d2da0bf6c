-- What a METRICS import $1 changed: agents (uuid[] as text), first_day and last_day; no row
-- when it changed nothing.
SELECT array_agg(DISTINCT agent_id)::text AS agents, min(first_day)::text AS first_day,
       max(last_day)::text AS last_day
  FROM import_metric_change_spans
 WHERE import_id = $1::uuid
HAVING count(*) > 0
