-- A MANAGER's home: per team of manager $1 (as manager_cards.sql), avg_30d: the averages of
-- its agents' 30-day averages (snapshots) as a JSON object.
SELECT tl.id AS team_leader_id,
       json_build_object(
           'service_score', round(avg(s.avg30_service_score), 2),
           'productivity_score', round(avg(s.avg30_productivity_score), 2),
           'quality_score', round(avg(s.avg30_quality_score), 2),
           'attendance_rate', round(avg(s.avg30_attendance_rate), 2),
           'adherence_score', round(avg(s.avg30_adherence_score), 2),
           'composite_score', round(avg(s.avg30_composite_score), 2),
           'csat', round(avg(s.avg30_csat), 2),
           'fcr', round(avg(s.avg30_fcr), 2),
           'aht', round(avg(s.avg30_aht), 2)) AS avg_30d
  FROM users tl
  LEFT JOIN users a
         ON a.team_leader_id = tl.id
        AND a.role = 'AGENT'
        AND a.deleted_at IS NULL
        AND a.status <> 'TERMINATED'
  LEFT JOIN agent_dashboard_snapshot s ON s.agent_id = a.id
 WHERE tl.manager_id = $1::uuid
   AND tl.role = 'TEAM_LEADER'
   AND tl.deleted_at IS NULL
   AND tl.status <> 'TERMINATED'
 GROUP BY tl.id
