-- 0007_import_changes_generic.sql — what USERS, PROFILES and COACHING_HISTORY imports changed,
-- so that their rollback restores exactly what they changed (DESIGN 8).
-- Conventions as in 0005 (import_changes, which stays the METRICS record: its shape is tuned
-- for 2,000,000-row imports and its rollback and recompute read agent_id/metric_date).
-- No BEGIN/COMMIT: the migration runner wraps this file in one transaction.

-- ---------------------------------------------------------------------------
-- import_row_changes: one row per row of another table an import inserted or updated
-- ---------------------------------------------------------------------------
-- DECISION: one generic record (table, row id, previous values) instead of one table per
-- import type: the rollback is the same statement for each table (imports/rollback.cpp).
-- row_id is the changed row's key: users.id, agent_profiles.agent_id, coaching_sessions.id.
-- before holds only the columns an import writes (and updated_at): never password hashes.
-- Written in the import's transaction, so created_at equals the updated_at the import gave
-- the row (rows changed since are found by their updated_at, as for import_changes).
-- DECISION: no foreign key on row_id (a rollback deletes the rows an import inserted; the
-- record of what happened stays).
CREATE TABLE import_row_changes (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    import_id   UUID NOT NULL REFERENCES import_logs (id),
    table_name  TEXT NOT NULL
                CONSTRAINT import_row_changes_table_check
                CHECK (table_name IN ('users', 'agent_profiles', 'coaching_sessions')),
    row_id      UUID NOT NULL,
    action      import_change_action NOT NULL,
    before      JSONB, -- the written columns of the row before an UPDATED change
    -- coaching_sessions only: the session's agent and day (UTC) after the import, so that the
    -- history annotations of the agents and days an import or its rollback touched are
    -- recomputed at once (imports/recompute.cpp); the day before is in `before`.
    agent_id    UUID,
    occurred_on DATE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),

    CONSTRAINT import_row_changes_before_iff_updated
        CHECK ((action = 'UPDATED') = (before IS NOT NULL))
);

CREATE INDEX idx_import_row_changes_import ON import_row_changes (import_id); -- FK index
-- A rollback names the later imports that changed the same rows.
CREATE INDEX idx_import_row_changes_row ON import_row_changes (table_name, row_id);

-- ---------------------------------------------------------------------------
-- updated_at during an import's rollback
-- ---------------------------------------------------------------------------
-- DECISION: a rollback gives restored rows back their previous updated_at (they are then
-- exactly as before the import). The trigger keeps the value the UPDATE sets while the
-- transaction-local setting coach.restoring_import is 'on' (set_config(..., true): nothing
-- outlives the transaction, safe behind pgbouncer); otherwise unchanged: updated_at = now().
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF current_setting('coach.restoring_import', true) = 'on' THEN
        RETURN NEW;
    END IF;
    NEW.updated_at = now();
    RETURN NEW;
END;
$$;
