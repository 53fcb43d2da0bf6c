-- 0005_imports.sql — metric imports (DESIGN 8): what each import changed, so that a rollback
-- restores exactly the rows as they were, and the report fields the import log lacked.
-- Conventions as in 0001: UUID keys, created_at, snake_case, FK indexes.
-- No BEGIN/COMMIT: the migration runner wraps this file in one transaction.

CREATE TYPE import_change_action AS ENUM ('INSERTED', 'UPDATED');

-- ---------------------------------------------------------------------------
-- import_logs: the report of one import
-- ---------------------------------------------------------------------------
-- DECISION: mode and dry_run are part of the report (a dry run writes its log too, so its
-- report can be read back; it never counts as "already imported" and cannot be rolled
-- back). inserted_rows + updated_rows = successful_rows; skipped_rows = valid rows whose
-- values were already stored. warnings: [{column, warning}] for ignored header columns.
ALTER TABLE import_logs
    ADD COLUMN mode          TEXT NOT NULL DEFAULT 'strict'
                             CONSTRAINT import_logs_mode_check CHECK (mode IN ('strict', 'partial')),
    ADD COLUMN dry_run       BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN inserted_rows INTEGER CHECK (inserted_rows >= 0),
    ADD COLUMN updated_rows  INTEGER CHECK (updated_rows >= 0),
    ADD COLUMN warnings      JSONB;

-- The 409 check looks for a completed import of the same file.
DROP INDEX idx_imports_file_hash;
CREATE INDEX idx_imports_file_hash ON import_logs (file_hash)
    WHERE status IN ('SUCCESS', 'PARTIAL_SUCCESS') AND NOT dry_run;

-- ---------------------------------------------------------------------------
-- import_changes: one row per performance_metrics row an import inserted or updated
-- ---------------------------------------------------------------------------
-- Written in the import's own transaction, so created_at (now()) equals the updated_at the
-- import gave the row: a rollback finds the rows changed again since (updated_at differs)
-- without comparing values.
-- DECISION: id is a BIGINT identity, not a UUID: these rows are never addressed by id through
-- the API, and one import may write 2,000,000 of them in one statement; a sequential key
-- appends to the index where a random UUID would touch a random page per row (measured: the
-- UUID key made this insert about 1.5x slower).
-- DECISION: metric_id has no foreign key: a rollback deletes the rows an import inserted,
-- and the retention job moves old rows to performance_metrics_archive, while the history of
-- changes must stay. agent_id has none either (a users row is never hard-deleted).
-- DECISION: no index on (agent_id, metric_date): a rollback detects rows changed since by
-- their updated_at; naming the later imports (a rare 409) joins through import_id instead.
CREATE TABLE import_changes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id   UUID NOT NULL REFERENCES import_logs (id),
    metric_id   UUID NOT NULL,
    agent_id    UUID NOT NULL,
    metric_date DATE NOT NULL,
    action      import_change_action NOT NULL,
    before      JSONB, -- the whole performance_metrics row before an UPDATED change
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT import_changes_before_iff_updated CHECK ((action = 'UPDATED') = (before IS NOT NULL))
);

CREATE INDEX idx_import_changes_import ON import_changes (import_id); -- FK index
