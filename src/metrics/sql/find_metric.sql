-- The day of metrics $1, live, else archived (agent pages read the archive for older days:
-- docs/domain.md, "Retention and the archive"): json (every column, metrics/metric_json), its
-- agent's user_subjects columns, agent_id, metric_date, archived. No row when there is none.
SELECT pm.j::text AS json, s.*, pm.agent_id, pm.metric_date::text AS metric_date, pm.archived
  FROM (SELECT {{metrics/metric_json(m)}} AS j, m.agent_id, m.metric_date, false AS archived
          FROM performance_metrics m WHERE m.id = $1::uuid
        UNION ALL
        SELECT {{metrics/metric_json(a)}}, a.agent_id, a.metric_date, true
          FROM performance_metrics_archive a WHERE a.id = $1::uuid
         ORDER BY archived
         LIMIT 1) pm
  JOIN user_subjects s ON s.subject_id = pm.agent_id
