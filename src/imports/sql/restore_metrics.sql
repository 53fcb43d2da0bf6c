-- Rollback of METRICS import $1, second step: the whole previous row of every day it updated,
-- id and timestamps included. The columns are metrics::kMetricColumns
-- (tests/unit/imports_sql_test.cpp checks the two agree).
INSERT INTO performance_metrics (id, agent_id, metric_date, service_score, productivity_score,
                                 quality_score, attendance_rate, adherence_score, csat, fcr, aht,
                                 calls_handled, calls_transferred, calls_escalated,
                                 scheduled_hours, actual_hours, break_time_minutes,
                                 lunch_time_minutes, aux_time_minutes, script_adherence,
                                 compliance_score, qa_score, imported_from, created_at,
                                 updated_at)
SELECT r.id, r.agent_id, r.metric_date, r.service_score, r.productivity_score, r.quality_score,
       r.attendance_rate, r.adherence_score, r.csat, r.fcr, r.aht, r.calls_handled,
       r.calls_transferred, r.calls_escalated, r.scheduled_hours, r.actual_hours,
       r.break_time_minutes, r.lunch_time_minutes, r.aux_time_minutes, r.script_adherence,
       r.compliance_score, r.qa_score, r.imported_from, r.created_at, r.updated_at
  FROM import_changes c
 CROSS JOIN LATERAL jsonb_populate_record(NULL::performance_metrics, c.before) r
 WHERE c.import_id = $1::uuid AND c.action = 'UPDATED'
