-- A team's daily averages, the agent page's "Team average" line: $1 team leader, $2 viewer,
-- $3 the viewer's role, $4 from, $5 to (dates, inclusive). No row unless $1 is a TEAM_LEADER
-- whose team the viewer may read (resource 'teams', as team_dashboard.sql). json: {"team_leader_id",
-- "from", "to", "days": [...]}, the days oldest first, only those on which at least one of the
-- team's agents has metrics (live, or archived for days no longer live, as agent_series.sql):
-- agent_count (the agents with a row that day) and the mean over those rows of each of
-- metrics::kChartedMetrics (a row without the value left out, no value at all: null; rounded to
-- 2 decimals). The team is the AGENTs whose team_leader_id is $1 now, of any status (a
-- terminated agent's days were the team's), soft-deleted ones left out; nothing records who was
-- in which team on a past day. The live and archived days are two UNION ALL branches, each
-- filtered by the team and the dates, as correlations.sql (bench/RESULTS.md, "Why the code is as
-- it is"). tests/unit/dashboards_sql_test.cpp checks the metrics against kChartedMetrics.
WITH tl AS (
    SELECT tl.id
      FROM users tl
     WHERE tl.id = $1::uuid
       AND tl.role = 'TEAM_LEADER'
       AND coach_may($2::uuid, $3::user_role, 'teams', 'read', tl.id, tl.role,
                     tl.team_leader_id, tl.manager_id,
                     NULL, tl.deleted_at IS NOT NULL)
), team AS (
    SELECT a.id
      FROM users a
     WHERE a.team_leader_id IN (SELECT id FROM tl)
       AND a.role = 'AGENT'
       AND a.deleted_at IS NULL
), d AS (
    SELECT pm.agent_id, pm.metric_date, pm.service_score, pm.productivity_score,
           pm.quality_score, pm.attendance_rate, pm.adherence_score, pm.composite_score, pm.csat,
           pm.fcr, pm.aht
      FROM performance_metrics pm
     WHERE pm.agent_id IN (SELECT id FROM team)
       AND pm.metric_date BETWEEN $4::date AND $5::date
    UNION ALL
    SELECT ar.agent_id, ar.metric_date, ar.service_score, ar.productivity_score,
           ar.quality_score, ar.attendance_rate, ar.adherence_score, ar.composite_score, ar.csat,
           ar.fcr, ar.aht
      FROM performance_metrics_archive ar
     WHERE ar.agent_id IN (SELECT id FROM team)
       AND ar.metric_date BETWEEN $4::date AND $5::date
       AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                        WHERE pm.agent_id = ar.agent_id AND pm.metric_date = ar.metric_date)
), days AS (
    SELECT d.metric_date,
           count(*) AS agent_count,
           round(avg(d.service_score), 2) AS service_score,
           round(avg(d.productivity_score), 2) AS productivity_score,
           round(avg(d.quality_score), 2) AS quality_score,
           round(avg(d.attendance_rate), 2) AS attendance_rate,
           round(avg(d.adherence_score), 2) AS adherence_score,
           round(avg(d.composite_score), 2) AS composite_score,
           round(avg(d.csat), 2) AS csat,
           round(avg(d.fcr), 2) AS fcr,
           round(avg(d.aht), 2) AS aht
      FROM d
     GROUP BY d.metric_date
)
SELECT json_build_object(
    'team_leader_id', tl.id,
    'from', $4::date,
    'to', $5::date,
    'days', coalesce((
        SELECT json_agg(json_build_object(
                   'metric_date', days.metric_date,
                   'agent_count', days.agent_count,
                   'service_score', days.service_score,
                   'productivity_score', days.productivity_score,
                   'quality_score', days.quality_score,
                   'attendance_rate', days.attendance_rate,
                   'adherence_score', days.adherence_score,
                   'composite_score', days.composite_score,
                   'csat', days.csat,
                   'fcr', days.fcr,
                   'aht', days.aht) ORDER BY days.metric_date)
          FROM days),
        '[]'::json))::text AS json
  FROM tl
