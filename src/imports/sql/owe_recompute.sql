-- In import $1's commit (or its rollback's): the recompute of what it changed is owed.
UPDATE import_logs SET recompute_owed = true WHERE id = $1::uuid
