-- The checked rows of a METRICS file. A template: {columns} as in metrics_staging.sql.
COPY import_staging (row_no, agent_id, metric_date, {columns}) FROM STDIN
