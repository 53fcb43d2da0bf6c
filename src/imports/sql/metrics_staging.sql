-- The staging table of a METRICS import: row_no, agent_id, metric_date and the file's metric
-- columns. A template: {columns} is filled with those column names (from
-- metrics::kMetricColumns, never from the file's text).
CREATE TEMP TABLE import_staging ON COMMIT DROP AS
SELECT 0::int AS row_no, agent_id, metric_date, {columns}
  FROM performance_metrics WITH NO DATA
