-- A performance_history row {{1}} (its alias) as the API writes it: every column, its
-- timestamps at UTC (utc_json, migration 0026). A json value.
json_build_object(
    'id', {{1}}.id, 'agent_id', {{1}}.agent_id, 'period_type', {{1}}.period_type,
    'period_ending', {{1}}.period_ending, 'avg_service_score', {{1}}.avg_service_score,
    'avg_productivity_score', {{1}}.avg_productivity_score,
    'avg_quality_score', {{1}}.avg_quality_score,
    'avg_attendance_rate', {{1}}.avg_attendance_rate,
    'avg_adherence_score', {{1}}.avg_adherence_score,
    'avg_composite_score', {{1}}.avg_composite_score, 'service_trend', {{1}}.service_trend,
    'productivity_trend', {{1}}.productivity_trend, 'quality_trend', {{1}}.quality_trend,
    'attendance_trend', {{1}}.attendance_trend, 'adherence_trend', {{1}}.adherence_trend,
    'score_variance', {{1}}.score_variance, 'days_worked', {{1}}.days_worked,
    'annotations', {{1}}.annotations,
    'created_at', utc_json({{1}}.created_at), 'updated_at', utc_json({{1}}.updated_at))
