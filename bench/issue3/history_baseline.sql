-- bench/issue3/history_baseline.sql: the baseline of the full history rebuild. ONE hand-written
-- set-based statement computing every WEEK, MONTH and QUARTER row of every agent, the way
-- db/migrations/0003_history.sql defines them (averages over the days with a row, rounded to 2
-- decimals; days_worked; var_samp of the daily composite; trend = this period's rounded average
-- minus the previous calendar period's, NULL when that period has no row), into the scratch
-- table history_baseline (bench/issue3/run creates it LIKE performance_history, with the same
-- indexes). It reads the metrics once and aggregates the three period types with GROUPING SETS.
-- Days from performance_metrics plus the archive's days that are not live (as 0003 does).
-- annotations: always {"events": []}; the bench organisation has no sessions, plans or items,
-- so coach's annotations are that too (the run compares every column, annotations included).
-- The run sets work_mem = '64MB', as refresh_performance_history does for itself.
INSERT INTO history_baseline (
    agent_id, period_type, period_ending,
    avg_service_score, avg_productivity_score, avg_quality_score,
    avg_attendance_rate, avg_adherence_score, avg_composite_score,
    service_trend, productivity_trend, quality_trend, attendance_trend, adherence_trend,
    score_variance, days_worked, annotations)
SELECT p.agent_id, p.period_type, p.period_ending,
       p.s, p.p, p.q, p.a, p.h, p.c,
       CASE WHEN lag(p.period_ending) OVER w = p.period_start - 1 THEN p.s - lag(p.s) OVER w END,
       CASE WHEN lag(p.period_ending) OVER w = p.period_start - 1 THEN p.p - lag(p.p) OVER w END,
       CASE WHEN lag(p.period_ending) OVER w = p.period_start - 1 THEN p.q - lag(p.q) OVER w END,
       CASE WHEN lag(p.period_ending) OVER w = p.period_start - 1 THEN p.a - lag(p.a) OVER w END,
       CASE WHEN lag(p.period_ending) OVER w = p.period_start - 1 THEN p.h - lag(p.h) OVER w END,
       p.variance, p.days, '{"events": []}'::jsonb
  FROM (SELECT g.agent_id,
               CASE WHEN GROUPING(g.week_end) = 0 THEN 'WEEK'
                    WHEN GROUPING(g.month_end) = 0 THEN 'MONTH'
                    ELSE 'QUARTER' END::period_type                    AS period_type,
               coalesce(g.week_end, g.month_end, g.quarter_end)        AS period_ending,
               CASE WHEN GROUPING(g.week_end) = 0 THEN g.week_end - 6
                    WHEN GROUPING(g.month_end) = 0 THEN date_trunc('month', g.month_end)::date
                    ELSE date_trunc('quarter', g.quarter_end)::date END AS period_start,
               avg(g.service_score)::numeric(5,2)                      AS s,
               avg(g.productivity_score)::numeric(5,2)                 AS p,
               avg(g.quality_score)::numeric(5,2)                      AS q,
               avg(g.attendance_rate)::numeric(5,2)                    AS a,
               avg(g.adherence_score)::numeric(5,2)                    AS h,
               avg(g.composite_score)::numeric(5,2)                    AS c,
               var_samp(g.composite_score)::numeric(7,2)               AS variance,
               count(*)::int                                           AS days
          FROM (SELECT d.*,
                       date_trunc('week', d.metric_date)::date + 6                          AS week_end,
                       (date_trunc('month', d.metric_date) + interval '1 month - 1 day')::date AS month_end,
                       (date_trunc('quarter', d.metric_date) + interval '3 months - 1 day')::date
                                                                                             AS quarter_end
                  FROM (SELECT pm.agent_id, pm.metric_date, pm.service_score, pm.productivity_score,
                               pm.quality_score, pm.attendance_rate, pm.adherence_score,
                               pm.composite_score
                          FROM performance_metrics pm
                         WHERE pm.metric_date <= CURRENT_DATE
                        UNION ALL
                        SELECT pa.agent_id, pa.metric_date, pa.service_score, pa.productivity_score,
                               pa.quality_score, pa.attendance_rate, pa.adherence_score,
                               pa.composite_score
                          FROM performance_metrics_archive pa
                         WHERE pa.metric_date <= CURRENT_DATE
                           AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                                            WHERE pm.agent_id = pa.agent_id
                                              AND pm.metric_date = pa.metric_date)) d) g
         GROUP BY GROUPING SETS ((g.agent_id, g.week_end), (g.agent_id, g.month_end),
                                 (g.agent_id, g.quarter_end))) p
WINDOW w AS (PARTITION BY p.agent_id, p.period_type ORDER BY p.period_ending);
