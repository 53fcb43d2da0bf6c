-- Locks the metric days METRICS import $1 changed; changed: how many of them were changed
-- since: still there with another updated_at (an import's changes carry the updated_at it gave
-- the row), or an updated day that is gone. A day the import inserted and someone deleted
-- since is no conflict.
WITH locked AS (
    SELECT c.action, t.updated_at = c.created_at AS unchanged
      FROM import_metric_changes c
      JOIN performance_metrics t ON t.agent_id = c.agent_id AND t.metric_date = c.metric_date
     WHERE c.import_id = $1::uuid
       FOR UPDATE OF t
)
SELECT (SELECT count(*) FROM import_changes WHERE import_id = $1::uuid AND action = 'UPDATED')
       - count(*) FILTER (WHERE action = 'UPDATED')
       + count(*) FILTER (WHERE NOT unchanged) AS changed
  FROM locked
