-- A day of metrics {{1}} (an alias of performance_metrics, performance_metrics_archive or the
-- piece metrics/metric_days) as the API writes it: every column, its timestamps at UTC
-- (utc_json, migration 0026). A json value.
json_build_object(
    'id', {{1}}.id, 'agent_id', {{1}}.agent_id, 'metric_date', {{1}}.metric_date,
    'service_score', {{1}}.service_score, 'productivity_score', {{1}}.productivity_score,
    'quality_score', {{1}}.quality_score, 'attendance_rate', {{1}}.attendance_rate,
    'adherence_score', {{1}}.adherence_score, 'csat', {{1}}.csat, 'fcr', {{1}}.fcr,
    'aht', {{1}}.aht, 'calls_handled', {{1}}.calls_handled,
    'calls_transferred', {{1}}.calls_transferred, 'calls_escalated', {{1}}.calls_escalated,
    'scheduled_hours', {{1}}.scheduled_hours, 'actual_hours', {{1}}.actual_hours,
    'break_time_minutes', {{1}}.break_time_minutes,
    'lunch_time_minutes', {{1}}.lunch_time_minutes, 'aux_time_minutes', {{1}}.aux_time_minutes,
    'script_adherence', {{1}}.script_adherence, 'compliance_score', {{1}}.compliance_score,
    'qa_score', {{1}}.qa_score, 'composite_score', {{1}}.composite_score,
    'imported_from', {{1}}.imported_from,
    'created_at', utc_json({{1}}.created_at), 'updated_at', utc_json({{1}}.updated_at))
