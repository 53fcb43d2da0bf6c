-- Rollback of import $1 (not METRICS), second step (after restore_rows.sql: an updated row may
-- have pointed at an inserted one): deletes the rows of {table} it inserted. removed: how many.
-- A template: {table} and {key} as in restore_rows.sql.
WITH gone AS (
    DELETE FROM {table} t USING import_row_changes c
     WHERE c.import_id = $1::uuid AND c.action = 'INSERTED' AND t.{key} = c.row_id
    RETURNING 1
)
SELECT count(*) AS removed FROM gone
