-- Rollback of import $1 (not METRICS), first step: the previous values of every row of {table}
-- it updated. A template, from table_import.cpp's kTableTargets: {table}, its key column
-- {key}, the restored {columns} ("a, b") and the same columns of the previous row ("r.a, r.b",
-- {previous}).
UPDATE {table} t SET ({columns}) = ({previous})
  FROM import_row_changes c
 CROSS JOIN LATERAL jsonb_populate_record(NULL::{table}, c.before) r
 WHERE c.import_id = $1::uuid AND c.action = 'UPDATED' AND t.{key} = c.row_id
