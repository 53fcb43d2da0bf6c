-- As metric_conflicts.sql, for the other types (import_row_changes), over the rows of
-- {table} whose key column {key} the changes name. A template: {table} and {key} come from
-- table_import.cpp's kTableTargets, never from a request.
WITH locked AS (
    SELECT c.action, t.updated_at = c.created_at AS unchanged
      FROM import_row_changes c
      JOIN {table} t ON t.{key} = c.row_id
     WHERE c.import_id = $1::uuid
       FOR UPDATE OF t
)
SELECT (SELECT count(*) FROM import_row_changes WHERE import_id = $1::uuid AND action = 'UPDATED')
       - count(*) FILTER (WHERE action = 'UPDATED')
       + count(*) FILTER (WHERE NOT unchanged) AS changed
  FROM locked
