-- Pearson correlations between the daily metrics of the agents whose effectiveness figures viewer
-- $1 (reach $2, auth::list_reach) may read (live AGENTs only), from $3 to $4 (dates, inclusive).
-- json: {"from", "to", "agents", "rows", "metrics": [...], "pairs": [{"metric_x", "metric_y", "r",
-- "n"}]}. Daily rows: performance_metrics, plus performance_metrics_archive for days no longer
-- there. r = corr() (Pearson, rounded to 4 decimals; null with fewer than 2 rows having both values
-- or no variance), n = regr_count() (rows having both values). The metrics are
-- analytics::kCorrelatedMetrics, in that order, and the pairs every two of them in that order
-- (tests/unit/analytics_sql_test.cpp checks both). The live and archived days are two UNION ALL
-- branches, each filtered by scope and dates: one union filtered once was slower (bench/RESULTS.md,
-- "Why the code is as it is").
WITH scope AS (
    SELECT u.id
      FROM users u
     WHERE u.role = 'AGENT'
       AND {{auth/reaches(u)}}
       AND u.deleted_at IS NULL
), d AS (
    SELECT {{analytics/daily_values(pm)}}
      FROM performance_metrics pm
     WHERE pm.agent_id IN (SELECT id FROM scope)
       AND pm.metric_date BETWEEN $3::date AND $4::date
    UNION ALL
    SELECT {{analytics/daily_values(ar)}}
      FROM performance_metrics_archive ar
     WHERE ar.agent_id IN (SELECT id FROM scope)
       AND ar.metric_date BETWEEN $3::date AND $4::date
       AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                        WHERE pm.agent_id = ar.agent_id AND pm.metric_date = ar.metric_date)
)
SELECT json_build_object(
    'from', $3::date,
    'to', $4::date,
    'agents', count(DISTINCT d.agent_id),
    'rows', count(*),
    'metrics', json_build_array(
        'service_score', 'productivity_score', 'quality_score', 'attendance_rate',
        'adherence_score', 'composite_score', 'csat', 'fcr', 'aht'),
    'pairs', json_build_array(
        json_build_object('metric_x', 'service_score', 'metric_y', 'productivity_score',
                          'r', round(corr(d.productivity_score, d.service_score)::numeric, 4),
                          'n', regr_count(d.productivity_score, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'quality_score',
                          'r', round(corr(d.quality_score, d.service_score)::numeric, 4),
                          'n', regr_count(d.quality_score, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'attendance_rate',
                          'r', round(corr(d.attendance_rate, d.service_score)::numeric, 4),
                          'n', regr_count(d.attendance_rate, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'adherence_score',
                          'r', round(corr(d.adherence_score, d.service_score)::numeric, 4),
                          'n', regr_count(d.adherence_score, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'composite_score',
                          'r', round(corr(d.composite_score, d.service_score)::numeric, 4),
                          'n', regr_count(d.composite_score, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'csat',
                          'r', round(corr(d.csat, d.service_score)::numeric, 4),
                          'n', regr_count(d.csat, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.service_score)::numeric, 4),
                          'n', regr_count(d.fcr, d.service_score)),
        json_build_object('metric_x', 'service_score', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.service_score)::numeric, 4),
                          'n', regr_count(d.aht, d.service_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'quality_score',
                          'r', round(corr(d.quality_score, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.quality_score, d.productivity_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'attendance_rate',
                          'r', round(corr(d.attendance_rate, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.attendance_rate, d.productivity_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'adherence_score',
                          'r', round(corr(d.adherence_score, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.adherence_score, d.productivity_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'composite_score',
                          'r', round(corr(d.composite_score, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.composite_score, d.productivity_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'csat',
                          'r', round(corr(d.csat, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.csat, d.productivity_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.fcr, d.productivity_score)),
        json_build_object('metric_x', 'productivity_score', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.productivity_score)::numeric, 4),
                          'n', regr_count(d.aht, d.productivity_score)),
        json_build_object('metric_x', 'quality_score', 'metric_y', 'attendance_rate',
                          'r', round(corr(d.attendance_rate, d.quality_score)::numeric, 4),
                          'n', regr_count(d.attendance_rate, d.quality_score)),
        json_build_object('metric_x', 'quality_score', 'metric_y', 'adherence_score',
                          'r', round(corr(d.adherence_score, d.quality_score)::numeric, 4),
                          'n', regr_count(d.adherence_score, d.quality_score)),
        json_build_object('metric_x', 'quality_score', 'metric_y', 'composite_score',
                          'r', round(corr(d.composite_score, d.quality_score)::numeric, 4),
                          'n', regr_count(d.composite_score, d.quality_score)),
        json_build_object('metric_x', 'quality_score', 'metric_y', 'csat',
                          'r', round(corr(d.csat, d.quality_score)::numeric, 4),
                          'n', regr_count(d.csat, d.quality_score)),
        json_build_object('metric_x', 'quality_score', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.quality_score)::numeric, 4),
                          'n', regr_count(d.fcr, d.quality_score)),
        json_build_object('metric_x', 'quality_score', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.quality_score)::numeric, 4),
                          'n', regr_count(d.aht, d.quality_score)),
        json_build_object('metric_x', 'attendance_rate', 'metric_y', 'adherence_score',
                          'r', round(corr(d.adherence_score, d.attendance_rate)::numeric, 4),
                          'n', regr_count(d.adherence_score, d.attendance_rate)),
        json_build_object('metric_x', 'attendance_rate', 'metric_y', 'composite_score',
                          'r', round(corr(d.composite_score, d.attendance_rate)::numeric, 4),
                          'n', regr_count(d.composite_score, d.attendance_rate)),
        json_build_object('metric_x', 'attendance_rate', 'metric_y', 'csat',
                          'r', round(corr(d.csat, d.attendance_rate)::numeric, 4),
                          'n', regr_count(d.csat, d.attendance_rate)),
        json_build_object('metric_x', 'attendance_rate', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.attendance_rate)::numeric, 4),
                          'n', regr_count(d.fcr, d.attendance_rate)),
        json_build_object('metric_x', 'attendance_rate', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.attendance_rate)::numeric, 4),
                          'n', regr_count(d.aht, d.attendance_rate)),
        json_build_object('metric_x', 'adherence_score', 'metric_y', 'composite_score',
                          'r', round(corr(d.composite_score, d.adherence_score)::numeric, 4),
                          'n', regr_count(d.composite_score, d.adherence_score)),
        json_build_object('metric_x', 'adherence_score', 'metric_y', 'csat',
                          'r', round(corr(d.csat, d.adherence_score)::numeric, 4),
                          'n', regr_count(d.csat, d.adherence_score)),
        json_build_object('metric_x', 'adherence_score', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.adherence_score)::numeric, 4),
                          'n', regr_count(d.fcr, d.adherence_score)),
        json_build_object('metric_x', 'adherence_score', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.adherence_score)::numeric, 4),
                          'n', regr_count(d.aht, d.adherence_score)),
        json_build_object('metric_x', 'composite_score', 'metric_y', 'csat',
                          'r', round(corr(d.csat, d.composite_score)::numeric, 4),
                          'n', regr_count(d.csat, d.composite_score)),
        json_build_object('metric_x', 'composite_score', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.composite_score)::numeric, 4),
                          'n', regr_count(d.fcr, d.composite_score)),
        json_build_object('metric_x', 'composite_score', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.composite_score)::numeric, 4),
                          'n', regr_count(d.aht, d.composite_score)),
        json_build_object('metric_x', 'csat', 'metric_y', 'fcr',
                          'r', round(corr(d.fcr, d.csat)::numeric, 4),
                          'n', regr_count(d.fcr, d.csat)),
        json_build_object('metric_x', 'csat', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.csat)::numeric, 4),
                          'n', regr_count(d.aht, d.csat)),
        json_build_object('metric_x', 'fcr', 'metric_y', 'aht',
                          'r', round(corr(d.aht, d.fcr)::numeric, 4),
                          'n', regr_count(d.aht, d.fcr))))::text AS json
  FROM d
