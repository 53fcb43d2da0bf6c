-- The METRICS upsert from import_staging (metrics_staging.sql): $1 the import's id, $2 the file
-- name. One statement: the pre-import rows (same snapshot), the upsert (unchanged rows are not
-- touched: they count as skipped), and what changed: the before-image of each updated row
-- (import_changes), the days inserted per agent (import_inserted_days: one row per agent, not
-- per day; 0012_import_inserted_days.sql says why). inserted, updated: the counts.
-- A template over the file's metric columns (as in metrics_staging.sql): {columns} "c1, c2",
-- {set} "c1 = EXCLUDED.c1, ...", {stored} "pm.c1, ...", {excluded} "EXCLUDED.c1, ...".
WITH old AS (
    SELECT pm.* FROM performance_metrics pm JOIN import_staging s USING (agent_id, metric_date)
), up AS (
    INSERT INTO performance_metrics AS pm (agent_id, metric_date, {columns}, imported_from)
    SELECT agent_id, metric_date, {columns}, $2 FROM import_staging
    ON CONFLICT (agent_id, metric_date) DO UPDATE
       SET {set}, imported_from = EXCLUDED.imported_from
     WHERE ({stored}) IS DISTINCT FROM ({excluded})
    RETURNING pm.id, pm.agent_id, pm.metric_date, pm.xmax = 0 AS inserted
), updated AS (
    INSERT INTO import_changes (import_id, metric_id, agent_id, metric_date, action, before)
    SELECT $1::uuid, up.id, up.agent_id, up.metric_date, 'UPDATED', to_jsonb(old)
      FROM up JOIN old ON old.id = up.id
     WHERE NOT up.inserted
), inserted AS (
    INSERT INTO import_inserted_days (import_id, agent_id, metric_dates)
    SELECT $1::uuid, agent_id, array_agg(metric_date ORDER BY metric_date)
      FROM up
     WHERE inserted
     GROUP BY agent_id
)
SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
  FROM up
