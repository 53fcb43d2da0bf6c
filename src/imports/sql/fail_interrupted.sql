-- Start-up recovery: the imports in a running status ($2: VALIDATING, PROCESSING) that no live
-- transaction holds (the class $3 lock, db::locks::kImportRun) become $1 (FAILED).
UPDATE import_logs
   SET status = $1::import_status, error_summary = 'interrupted', rollback_available = false,
       completed_at = greatest(clock_timestamp(), started_at)
 WHERE status = ANY($2::import_status[])
   AND pg_try_advisory_xact_lock($3::int, hashtext(id::text))
