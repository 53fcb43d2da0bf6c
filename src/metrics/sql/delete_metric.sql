-- Deletes the live day of metrics $1; json: the row as it was (metrics/metric_json); no row
-- when it was gone.
DELETE FROM performance_metrics pm
 WHERE pm.id = $1::uuid
RETURNING {{metrics/metric_json(pm)}}::text AS json
