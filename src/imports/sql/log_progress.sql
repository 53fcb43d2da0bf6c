-- Import $1 has read $2 rows.
UPDATE import_logs SET processed_rows = $2::int WHERE id = $1::uuid
