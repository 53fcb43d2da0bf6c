-- Import $1 read all its $2 rows and moves to status $3 from status $4 (no row when the status
-- changed meanwhile: imports/rules.hpp).
UPDATE import_logs SET status = $3::import_status, processed_rows = $2::int, total_rows = $2::int
 WHERE id = $1::uuid AND status = $4::import_status
