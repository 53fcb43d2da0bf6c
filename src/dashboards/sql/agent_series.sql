-- An agent's daily series for the overview: $1 agent, $2 from, $3 to (dates, inclusive),
-- oldest first, from performance_metrics and, for days it no longer has,
-- performance_metrics_archive. Columns: metric_date, then metrics::kChartedMetrics in that
-- order (tests/unit/dashboards_sql_test.cpp checks the list).
SELECT d.metric_date::text AS metric_date, d.service_score, d.productivity_score,
       d.quality_score, d.attendance_rate, d.adherence_score, d.composite_score, d.csat, d.fcr,
       d.aht
  FROM (SELECT metric_date, service_score, productivity_score, quality_score, attendance_rate,
               adherence_score, composite_score, csat, fcr, aht
          FROM performance_metrics
         WHERE agent_id = $1::uuid AND metric_date BETWEEN $2::date AND $3::date
        UNION ALL
        SELECT ar.metric_date, ar.service_score, ar.productivity_score, ar.quality_score,
               ar.attendance_rate, ar.adherence_score, ar.composite_score, ar.csat, ar.fcr,
               ar.aht
          FROM performance_metrics_archive ar
         WHERE ar.agent_id = $1::uuid AND ar.metric_date BETWEEN $2::date AND $3::date
           AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                            WHERE pm.agent_id = ar.agent_id
                              AND pm.metric_date = ar.metric_date)) d
 ORDER BY d.metric_date
