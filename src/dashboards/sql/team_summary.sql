-- The rows of the materialized view team_performance_summary whose team leader the viewer $1 (reach
-- $2, auth::list_reach) may read as a team, by team_leader_name then team_leader_id, after the
-- cursor $3/$4 (name, id); $5 the limit. json: the row's JSON object.
SELECT json_build_object(
           'team_leader_id', t.team_leader_id,
           'team_leader_name', t.team_leader_name,
           'manager_id', tl.manager_id,
           'agent_count', t.agent_count,
           'active_pips', t.active_pips,
           'avg_team_score', round(t.avg_team_score, 2),
           'avg_service_score', round(t.avg_service_score, 2),
           'avg_quality_score', round(t.avg_quality_score, 2),
           'sessions_last_week', t.sessions_last_week,
           'calculated_date', t.calculated_date)::text AS json,
       t.team_leader_name, t.team_leader_id
  FROM team_performance_summary t
  JOIN users tl ON tl.id = t.team_leader_id
 WHERE tl.role = 'TEAM_LEADER'
   AND {{auth/reaches(tl)}}
   AND ($3::text IS NULL OR (t.team_leader_name::text, t.team_leader_id) > ($3::text, $4::uuid))
 ORDER BY t.team_leader_name, t.team_leader_id
 LIMIT $5
