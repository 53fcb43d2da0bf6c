-- An agent's overview without its daily series (agent_series.sql): $1 agent, $2 viewer,
-- $3 the viewer's role, $4 from, $5 to (dates, inclusive). json: the overview object; no row
-- unless $1 is an AGENT whose metrics the viewer may read. stale: the agent's snapshot is of
-- another day than today (the store then refreshes it and reads again).
SELECT json_build_object(
    'agent', json_build_object(
        'id', u.id, 'name', u.name, 'employee_id', u.employee_id, 'status', u.status,
        'team_leader_id', u.team_leader_id, 'hire_date', u.hire_date),
    'from', $4::date,
    'to', $5::date,
    'as_of', coach_today(),
    'scorecard', json_build_object(
        'snapshot_as_of', s.as_of,
        'performance_level', s.performance_level,
        'latest', s.latest,
        'avg_30d', s.avg_30d,
        'trends', s.trends,
        'last_coaching_at', utc_json(f.last_coaching_at),
        'days_since_last_coaching',
            CASE WHEN f.last_coaching_at IS NOT NULL
                 THEN greatest(0, coach_today() - f.last_coaching_at::date) END),
    'history', coalesce((
        SELECT json_agg(json_build_object(
                   'period_type', h.period_type,
                   'period_ending', h.period_ending,
                   'avg_service_score', h.avg_service_score,
                   'avg_productivity_score', h.avg_productivity_score,
                   'avg_quality_score', h.avg_quality_score,
                   'avg_attendance_rate', h.avg_attendance_rate,
                   'avg_adherence_score', h.avg_adherence_score,
                   'avg_composite_score', h.avg_composite_score,
                   'service_trend', h.service_trend,
                   'productivity_trend', h.productivity_trend,
                   'quality_trend', h.quality_trend,
                   'attendance_trend', h.attendance_trend,
                   'adherence_trend', h.adherence_trend,
                   'score_variance', h.score_variance,
                   'days_worked', h.days_worked,
                   'annotations', h.annotations) ORDER BY h.period_type, h.period_ending)
          FROM performance_history h
         WHERE h.agent_id = u.id AND h.period_ending BETWEEN $4::date AND $5::date),
        '[]'::json),
    'percentile_ranking', (SELECT p.percentile_ranking FROM agent_profiles p
                            WHERE p.agent_id = u.id AND p.peer_comparison_opt_in),
    -- The last day of the 30 days the ranking was computed over (0031's derived_as_of).
    'percentile_as_of', (SELECT d.as_of FROM derived_as_of d
                          WHERE d.name = 'percentiles'))::text AS json,
       s.as_of IS DISTINCT FROM coach_today() AND s.as_of IS NOT NULL AS stale
  FROM users u
  JOIN user_subjects us ON us.subject_id = u.id
  LEFT JOIN agent_dashboard_snapshot s ON s.agent_id = u.id
  LEFT JOIN agent_coaching_facts f ON f.agent_id = u.id
 WHERE u.id = $1::uuid
   AND u.role = 'AGENT'
   AND coach_may($2::uuid, $3::user_role, 'metrics', 'read', us.subject_id, us.subject_role,
                 us.subject_team_leader_id, us.subject_manager_id,
                 us.subject_team_leaders_manager_id, us.subject_deleted)
