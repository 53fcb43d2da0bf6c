-- What a METRICS import inserted, per agent instead of per row. import_changes (0005) held one
-- row per performance_metrics row an import inserted or updated: 2,000,000 rows for a file of
-- 2,000,000 new days. Measured on 5,000 agents x 400 days (bench/RESULTS.md): the upsert with
-- RETURNING took 67.5 s, writing the change rows as well 93.2 s, against 57.6 s for a raw COPY
-- of the same rows. An inserted row needs no before-image, only its day: from now on an import
-- writes one import_inserted_days row per agent (the days it inserted, as an array) and
-- import_changes rows only for the rows it UPDATED (they carry the before-image). Imports made
-- before this migration keep their INSERTED rows in import_changes: import_metric_changes
-- reads both, and the rollback, the recompute after an import and the tests read that view.
CREATE TABLE import_inserted_days (
    import_id    UUID NOT NULL REFERENCES import_logs (id),
    agent_id     UUID NOT NULL,
    metric_dates DATE[] NOT NULL,
    -- now() of the import's transaction: the updated_at it gave the rows (as in import_changes)
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (import_id, agent_id)
);

-- Every change of performance_metrics by an import, one row per (agent, day).
CREATE VIEW import_metric_changes AS
SELECT c.import_id, c.agent_id, c.metric_date, c.action, c.before, c.created_at
  FROM import_changes c
UNION ALL
SELECT i.import_id, i.agent_id, d.metric_date, 'INSERTED'::import_change_action, NULL::jsonb,
       i.created_at
  FROM import_inserted_days i
 CROSS JOIN LATERAL unnest(i.metric_dates) AS d (metric_date);
