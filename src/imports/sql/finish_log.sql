-- The outcome of import $1: $2 status, $3 total, $4 processed, $5 successful, $6 failed,
-- $7 skipped, $8 inserted, $9 updated rows, $10 summary, $11 error details, $12 warnings,
-- $13 whether it can be rolled back; $14 the status it was decided from (no row when the
-- status changed meanwhile: imports/rules.hpp).
UPDATE import_logs
   SET status = $2::import_status, total_rows = $3::int, processed_rows = $4::int,
       successful_rows = $5::int, failed_rows = $6::int, skipped_rows = $7::int,
       inserted_rows = $8::int, updated_rows = $9::int, error_summary = $10,
       error_details = $11::jsonb, warnings = $12::jsonb, rollback_available = $13::boolean,
       completed_at = greatest(clock_timestamp(), started_at)
 WHERE id = $1::uuid AND status = $14::import_status
