-- The import's transaction (a script, run with exec_script). Memory for the staging table and
-- the upsert's intermediate rows (2,000,000 rows would otherwise spill to disk); SET LOCAL
-- keeps it to this transaction, which is safe behind a pooler.
BEGIN;
SET LOCAL temp_buffers = '256MB';
SET LOCAL work_mem = '256MB'
