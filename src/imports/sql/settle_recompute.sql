-- Import $1's recompute is done.
UPDATE import_logs SET recompute_owed = false WHERE id = $1::uuid
