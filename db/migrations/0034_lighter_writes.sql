-- Less work in the two hottest writes, a quick-note create and a session prep (bench/RESULTS.md,
-- "Issue 13: lighter writes, and how much the machine moves"). Nothing a reader sees changes.
--
-- 1. A session's prep_data (about 9 kB of JSON, written whole at each prep) and the audit
--    log's before/after were compressed with pglz, which took 4 % of the CPU of a prep load on
--    its own. lz4 compresses them to about the same size for a fraction of that. Values
--    already stored keep their compression; new ones use lz4.
ALTER TABLE coaching_sessions ALTER COLUMN prep_data SET COMPRESSION lz4;
ALTER TABLE audit_log ALTER COLUMN before SET COMPRESSION lz4;
ALTER TABLE audit_log ALTER COLUMN after SET COMPRESSION lz4;

-- 2. quick_notes had two indexes led by created_by: the foreign key's and the idempotency
--    index (created_by, idempotency_key), partial on a key being present. One unique index on
--    both columns, not partial, does both jobs: its leading column serves the foreign key, and
--    notes without a key never conflict (NULLs are distinct). The create's
--    ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL still infers
--    it. Every insert writes one index entry fewer.
DROP INDEX idx_notes_idempotency;
DROP INDEX idx_notes_created_by;
CREATE UNIQUE INDEX idx_notes_idempotency ON quick_notes (created_by, idempotency_key);
