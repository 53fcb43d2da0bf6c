-- Rollback of METRICS import $1, first step: deletes every day it inserted or updated
-- (restore_metrics.sql then puts the updated ones back). removed: how many.
WITH gone AS (
    DELETE FROM performance_metrics pm USING import_metric_changes c
     WHERE c.import_id = $1::uuid AND pm.agent_id = c.agent_id AND pm.metric_date = c.metric_date
    RETURNING 1
)
SELECT count(*) AS removed FROM gone
