-- Upserts days of metrics on (agent_id, metric_date): $1 writer, $2 the writer's role, $3 a
-- JSON array of rows {idx, agent_id, metric_date, <the columns>}. A row is written only when
-- its agent is a live AGENT whose metrics the writer may create and update; a row identical
-- to the stored one is left alone. One result per input row, by idx: idx, visible (the agent
-- is a live user the writer may write metrics of), is_agent, id, status (created, updated,
-- unchanged, or error when not an agent or not visible). The columns are
-- metrics::kMetricColumns, in that order, in each list below (tests/unit/metrics_sql_test.cpp).
WITH input AS (
    SELECT *
      FROM json_to_recordset($3::json) AS r(
            idx integer, agent_id uuid, metric_date date, service_score numeric(5,2),
            productivity_score numeric(5,2), quality_score numeric(5,2),
            attendance_rate numeric(5,2), adherence_score numeric(5,2), csat numeric(3,2),
            fcr numeric(5,2), aht integer, calls_handled integer, calls_transferred integer,
            calls_escalated integer, scheduled_hours numeric(4,2), actual_hours numeric(4,2),
            break_time_minutes integer, lunch_time_minutes integer, aux_time_minutes integer,
            script_adherence numeric(5,2), compliance_score numeric(5,2), qa_score numeric(5,2),
            imported_from varchar(255))
),
target AS (
    SELECT i.idx, i.agent_id, i.metric_date,
           s.subject_id IS NOT NULL AS visible,
           coalesce(s.subject_role = 'AGENT', false) AS is_agent
      FROM input i
      LEFT JOIN user_subjects s
             ON s.subject_id = i.agent_id
            AND NOT s.subject_deleted
            AND coach_may($1::uuid, $2::user_role, 'metrics', 'create', s.subject_id,
                          s.subject_role, s.subject_team_leader_id, s.subject_manager_id,
                          s.subject_team_leaders_manager_id, s.subject_deleted)
            AND coach_may($1::uuid, $2::user_role, 'metrics', 'update', s.subject_id,
                          s.subject_role, s.subject_team_leader_id, s.subject_manager_id,
                          s.subject_team_leaders_manager_id, s.subject_deleted)
),
upserted AS (
    INSERT INTO performance_metrics AS pm (
        agent_id, metric_date, service_score, productivity_score, quality_score,
        attendance_rate, adherence_score, csat, fcr, aht, calls_handled, calls_transferred,
        calls_escalated, scheduled_hours, actual_hours, break_time_minutes, lunch_time_minutes,
        aux_time_minutes, script_adherence, compliance_score, qa_score, imported_from)
    SELECT i.agent_id, i.metric_date, i.service_score, i.productivity_score, i.quality_score,
           i.attendance_rate, i.adherence_score, i.csat, i.fcr, i.aht, i.calls_handled,
           i.calls_transferred, i.calls_escalated, i.scheduled_hours, i.actual_hours,
           i.break_time_minutes, i.lunch_time_minutes, i.aux_time_minutes, i.script_adherence,
           i.compliance_score, i.qa_score, i.imported_from
      FROM input i
      JOIN target t ON t.idx = i.idx
     WHERE t.is_agent
    ON CONFLICT (agent_id, metric_date) DO UPDATE SET
       service_score = EXCLUDED.service_score,
       productivity_score = EXCLUDED.productivity_score,
       quality_score = EXCLUDED.quality_score,
       attendance_rate = EXCLUDED.attendance_rate,
       adherence_score = EXCLUDED.adherence_score,
       csat = EXCLUDED.csat,
       fcr = EXCLUDED.fcr,
       aht = EXCLUDED.aht,
       calls_handled = EXCLUDED.calls_handled,
       calls_transferred = EXCLUDED.calls_transferred,
       calls_escalated = EXCLUDED.calls_escalated,
       scheduled_hours = EXCLUDED.scheduled_hours,
       actual_hours = EXCLUDED.actual_hours,
       break_time_minutes = EXCLUDED.break_time_minutes,
       lunch_time_minutes = EXCLUDED.lunch_time_minutes,
       aux_time_minutes = EXCLUDED.aux_time_minutes,
       script_adherence = EXCLUDED.script_adherence,
       compliance_score = EXCLUDED.compliance_score,
       qa_score = EXCLUDED.qa_score,
       imported_from = EXCLUDED.imported_from
     WHERE (
            pm.service_score, pm.productivity_score, pm.quality_score, pm.attendance_rate,
            pm.adherence_score, pm.csat, pm.fcr, pm.aht, pm.calls_handled, pm.calls_transferred,
            pm.calls_escalated, pm.scheduled_hours, pm.actual_hours, pm.break_time_minutes,
            pm.lunch_time_minutes, pm.aux_time_minutes, pm.script_adherence,
            pm.compliance_score, pm.qa_score, pm.imported_from)
           IS DISTINCT FROM (
            EXCLUDED.service_score, EXCLUDED.productivity_score, EXCLUDED.quality_score,
            EXCLUDED.attendance_rate, EXCLUDED.adherence_score, EXCLUDED.csat, EXCLUDED.fcr,
            EXCLUDED.aht, EXCLUDED.calls_handled, EXCLUDED.calls_transferred,
            EXCLUDED.calls_escalated, EXCLUDED.scheduled_hours, EXCLUDED.actual_hours,
            EXCLUDED.break_time_minutes, EXCLUDED.lunch_time_minutes, EXCLUDED.aux_time_minutes,
            EXCLUDED.script_adherence, EXCLUDED.compliance_score, EXCLUDED.qa_score,
            EXCLUDED.imported_from)
    RETURNING pm.id, pm.agent_id, pm.metric_date, pm.xmax = 0 AS inserted
)
SELECT t.idx, t.visible, t.is_agent, coalesce(w.id, old.id)::text AS id,
       CASE WHEN NOT t.is_agent THEN 'error'
            WHEN w.id IS NULL THEN 'unchanged'
            WHEN w.inserted THEN 'created'
            ELSE 'updated' END AS status
  FROM target t
  LEFT JOIN upserted w ON w.agent_id = t.agent_id AND w.metric_date = t.metric_date
  LEFT JOIN performance_metrics old
         ON old.agent_id = t.agent_id AND old.metric_date = t.metric_date
 ORDER BY t.idx
