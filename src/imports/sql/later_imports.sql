-- Later completed imports that changed one of the rows import $1 changed (id): the same metric
-- day (METRICS, import_metric_changes) or the same row of the same table (the other types,
-- import_row_changes). An import has changes of one kind only.
SELECT l.id::text AS id
  FROM import_logs l
 WHERE l.created_at > (SELECT created_at FROM import_logs WHERE id = $1::uuid)
   AND l.status IN ('SUCCESS', 'PARTIAL_SUCCESS') AND NOT l.dry_run
   AND (EXISTS (SELECT 1 FROM import_metric_changes later
                  JOIN import_metric_changes c
                    ON c.import_id = $1::uuid
                   AND c.agent_id = later.agent_id AND c.metric_date = later.metric_date
                 WHERE later.import_id = l.id)
        OR EXISTS (SELECT 1 FROM import_row_changes later
                     JOIN import_row_changes c
                       ON c.import_id = $1::uuid
                      AND c.table_name = later.table_name AND c.row_id = later.row_id
                    WHERE later.import_id = l.id))
 ORDER BY l.created_at
 LIMIT 20
