-- The imports whose recompute is owed (a crash came between their commit and its end): id.
SELECT id FROM import_logs WHERE recompute_owed ORDER BY id
