-- An agent's daily series for the overview: $1 agent, $2 from, $3 to (dates, inclusive),
-- oldest first, live or archived (the piece metrics/metric_days). Columns: metric_date, then
-- metrics::kChartedMetrics in that order (tests/unit/dashboards_sql_test.cpp checks the list).
SELECT d.metric_date::text AS metric_date, d.service_score, d.productivity_score,
       d.quality_score, d.attendance_rate, d.adherence_score, d.composite_score, d.csat, d.fcr,
       d.aht
  FROM {{metrics/metric_days}} d
 WHERE d.agent_id = $1::uuid AND d.metric_date BETWEEN $2::date AND $3::date
 ORDER BY d.metric_date
