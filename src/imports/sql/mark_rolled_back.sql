-- Import $1 rolled back by $2: status $3, from status $4 (no row when the status changed
-- meanwhile: imports/rules.hpp).
UPDATE import_logs
   SET status = $3::import_status, rollback_executed_at = now(),
       rollback_executed_by = $2::uuid, rollback_available = false
 WHERE id = $1::uuid AND status = $4::import_status
