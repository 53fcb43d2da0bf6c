-- Import $1's log, locked for its rollback: status, dry_run, rollback_available, import_type,
-- and its importer as a permission subject (user_subjects: the import's target in auth::may).
SELECT l.status::text AS status, l.dry_run, l.rollback_available, l.import_type::text AS import_type,
       s.*
  FROM import_logs l
  JOIN user_subjects s ON s.subject_id = l.imported_by
 WHERE l.id = $1::uuid
   FOR UPDATE OF l
