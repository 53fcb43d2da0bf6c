-- bench/issue3/dashboard_straightforward.sql: the "straightforward query" of issue 3's speed
-- section, as a pgbench script (:tl, the team leader's id, is set by bench/issue3/run): each
-- agent of the team with their latest day and their 30-day averages, through LATERAL joins
-- over performance_metrics (its unique index on (agent_id, metric_date) serves both). No
-- trends, levels, coaching facts or urgency: less than the endpoint shows.
SELECT a.id, a.name, a.employee_id, a.status,
       l.metric_date, l.service_score, l.productivity_score, l.quality_score, l.attendance_rate,
       l.adherence_score, l.composite_score, l.csat, l.fcr, l.aht,
       s.days_with_data, s.service_score, s.productivity_score, s.quality_score,
       s.attendance_rate, s.adherence_score, s.composite_score, s.csat, s.fcr, s.aht
  FROM users a
  LEFT JOIN LATERAL (
      SELECT pm.metric_date, pm.service_score, pm.productivity_score, pm.quality_score,
             pm.attendance_rate, pm.adherence_score, pm.composite_score, pm.csat, pm.fcr, pm.aht
        FROM performance_metrics pm
       WHERE pm.agent_id = a.id
       ORDER BY pm.metric_date DESC
       LIMIT 1) l ON true
  LEFT JOIN LATERAL (
      SELECT count(*) AS days_with_data,
             round(avg(pm.service_score), 2) AS service_score,
             round(avg(pm.productivity_score), 2) AS productivity_score,
             round(avg(pm.quality_score), 2) AS quality_score,
             round(avg(pm.attendance_rate), 2) AS attendance_rate,
             round(avg(pm.adherence_score), 2) AS adherence_score,
             round(avg(pm.composite_score), 2) AS composite_score,
             round(avg(pm.csat), 2) AS csat,
             round(avg(pm.fcr), 2) AS fcr,
             round(avg(pm.aht), 2) AS aht
        FROM performance_metrics pm
       WHERE pm.agent_id = a.id
         AND pm.metric_date > CURRENT_DATE - 30
         AND pm.metric_date <= CURRENT_DATE) s ON true
 WHERE a.team_leader_id = :tl::uuid
   AND a.role = 'AGENT'
   AND a.deleted_at IS NULL
 ORDER BY a.name
