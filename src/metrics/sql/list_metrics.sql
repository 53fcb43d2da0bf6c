-- The days of metrics whose agent's metrics viewer $1 (reach $2, auth::list_reach) may read,
-- newest first, live rows and archived ones (the piece metrics/metric_days): filters $3 agent,
-- $4/$5 metric_date from/to (inclusive); $6/$7 the cursor (metric_date, agent_id); $8 the limit.
SELECT {{metrics/metric_json(pm)}}::text AS json, pm.metric_date::text AS metric_date,
       pm.agent_id::text AS agent_id
  FROM {{metrics/metric_days}} pm
  JOIN users u ON u.id = pm.agent_id
 WHERE {{auth/reaches(u)}}
   AND ($3::uuid IS NULL OR pm.agent_id = $3::uuid)
   AND {{metrics/in_date_range(pm.metric_date, $4::date, $5::date)}}
   AND ($6::date IS NULL OR (pm.metric_date, pm.agent_id) < ($6::date, $7::uuid))
 ORDER BY pm.metric_date DESC, pm.agent_id DESC
 LIMIT $8
