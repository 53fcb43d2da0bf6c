-- Deletes the live day of metrics $1; json: the row as it was (no row when it was gone).
DELETE FROM performance_metrics pm
 WHERE pm.id = $1::uuid
RETURNING row_to_json(pm)::text AS json
