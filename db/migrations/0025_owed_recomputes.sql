-- An import or a rollback commits together with "its recompute is owed"; the recompute after
-- the commit (imports/recompute.cpp) clears it. A crash between the two leaves it set, and the
-- next sweep of imports (at start, then every minute) does the recompute (docs/domain.md,
-- "Imports").
ALTER TABLE import_logs ADD COLUMN recompute_owed boolean NOT NULL DEFAULT false;
CREATE INDEX import_logs_recompute_owed ON import_logs (id) WHERE recompute_owed;
