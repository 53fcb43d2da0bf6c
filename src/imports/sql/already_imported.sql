-- The latest completed, stored import of the file whose SHA-256 is $1: id, imported_on.
SELECT id, to_char(created_at, 'YYYY-MM-DD') AS imported_on
  FROM import_logs
 WHERE file_hash = $1 AND status IN ('SUCCESS', 'PARTIAL_SUCCESS') AND NOT dry_run
 ORDER BY created_at DESC
 LIMIT 1
