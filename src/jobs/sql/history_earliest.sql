-- day: where a full history rebuild up to $1 (date) starts: the earliest metric day, live or
-- archived, but not before $1 - 3 years (older history is deleted by retention anyway).
-- No row when there is no metric up to $1.
SELECT greatest(least((SELECT min(metric_date) FROM performance_metrics),
                      (SELECT min(metric_date) FROM performance_metrics_archive)),
                ($1::date - interval '3 years')::date)::text AS day
 WHERE least((SELECT min(metric_date) FROM performance_metrics),
             (SELECT min(metric_date) FROM performance_metrics_archive)) <= $1::date
