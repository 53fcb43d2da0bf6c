-- archived: daily metrics with metric_date before $1 (date) - 13 months moved to the archive
-- (0001's archive_old_metrics, one statement).
SELECT archive_old_metrics(($1::date - interval '13 months')::date) AS archived
