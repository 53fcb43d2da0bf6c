-- The facts session $1's prep is built from (sessions::build_prep; docs/domain.md, "Session
-- prep"), in one row. "Today" is the organisation's (the session's time zone).
--   metrics   [{metric, agent, previous, team}]: averages of the agent's last 30 days (today
--             - 29 .. today) and of the 30 before, and the team's (the agents of the session's
--             team leader) last 30 days from their dashboard snapshots; null without data.
--   notes     the agent's unaddressed quick notes, HIGH first, oldest first.
--   items     the agent's open action items (PENDING, IN_PROGRESS, OVERDUE), by due date.
--   last_session  the agent's last completed session before this one (its date, summary and
--             follow-up topics), or null.
--   profile   the agent's profile hints, or null.
--   evidence  [{issue, method, sessions, average_improvement}]: measured effectiveness records
--             (improvement_percentage known), per primary issue and method (method_evidence,
--             migration 0024).
WITH s AS (
    SELECT cs.id, cs.agent_id, cs.team_leader_id, cs.planned_minutes, cs.scheduled_date
      FROM coaching_sessions cs
     WHERE cs.id = $1::uuid
), own AS (
    -- The agent's own last 30 days (recent) and the 30 before: about 60 rows, one index range.
    SELECT pm.metric_date > coach_today() - 30 AS recent,
           avg(pm.service_score) AS service_score,
           avg(pm.productivity_score) AS productivity_score,
           avg(pm.quality_score) AS quality_score, avg(pm.attendance_rate) AS attendance_rate,
           avg(pm.adherence_score) AS adherence_score,
           avg(pm.composite_score) AS composite_score, avg(pm.csat) AS csat,
           avg(pm.fcr) AS fcr, avg(pm.aht) AS aht, avg(pm.compliance_score) AS compliance_score
      FROM performance_metrics pm, s
     WHERE pm.agent_id = s.agent_id
       AND pm.metric_date > coach_today() - 60 AND pm.metric_date <= coach_today()
     GROUP BY 1
), team AS (
    -- The team's last 30 days as its dashboard shows them: the average of its agents' 30-day
    -- averages (agent_dashboard_snapshot, one row per agent, which metric writes keep current),
    -- each agent counting once. The snapshot has no compliance: no team figure for it.
    SELECT avg(d.avg30_service_score) AS service_score,
           avg(d.avg30_productivity_score) AS productivity_score,
           avg(d.avg30_quality_score) AS quality_score,
           avg(d.avg30_attendance_rate) AS attendance_rate,
           avg(d.avg30_adherence_score) AS adherence_score,
           avg(d.avg30_composite_score) AS composite_score, avg(d.avg30_csat) AS csat,
           avg(d.avg30_fcr) AS fcr, avg(d.avg30_aht) AS aht
      FROM (SELECT u.id FROM users u, s
             WHERE u.team_leader_id = s.team_leader_id AND u.role = 'AGENT'
               AND u.deleted_at IS NULL
            UNION
            SELECT s.agent_id FROM s) m
      JOIN agent_dashboard_snapshot d ON d.agent_id = m.id
), figures AS (
    SELECT v.metric, round(v.agent, 2) AS agent, round(v.previous, 2) AS previous,
           round(v.team, 2) AS team
      FROM team t
      LEFT JOIN own a ON a.recent
      LEFT JOIN own p ON NOT p.recent
     CROSS JOIN LATERAL (VALUES
           ('service_score', a.service_score, p.service_score, t.service_score),
           ('productivity_score', a.productivity_score, p.productivity_score,
            t.productivity_score),
           ('quality_score', a.quality_score, p.quality_score, t.quality_score),
           ('attendance_rate', a.attendance_rate, p.attendance_rate, t.attendance_rate),
           ('adherence_score', a.adherence_score, p.adherence_score, t.adherence_score),
           ('composite_score', a.composite_score, p.composite_score, t.composite_score),
           ('csat', a.csat, p.csat, t.csat), ('fcr', a.fcr, p.fcr, t.fcr),
           ('aht', a.aht, p.aht, t.aht),
           ('compliance_score', a.compliance_score, p.compliance_score, NULL))
           v(metric, agent, previous, team)
)
SELECT s.planned_minutes,
       coalesce((SELECT json_agg(json_build_object('metric', f.metric, 'agent', f.agent,
                                                   'previous', f.previous, 'team', f.team))
                   FROM figures f), '[]')::text AS metrics,
       coalesce((SELECT json_agg(json_build_object(
                            'id', qn.id, 'note_type', qn.note_type, 'priority', qn.priority,
                            'content', qn.content, 'created_at', utc_json(qn.created_at),
                            'overdue', qn.address_by < coach_now())
                        ORDER BY qn.priority, qn.created_at)
                   FROM quick_notes qn WHERE qn.agent_id = s.agent_id AND NOT qn.addressed),
                '[]')::text AS notes,
       coalesce((SELECT json_agg(json_build_object(
                            'id', ai.id, 'title', ai.title, 'due_date', ai.due_date,
                            'status', ai.status, 'priority', ai.priority)
                        ORDER BY ai.due_date, ai.id)
                   FROM action_items ai
                  WHERE ai.agent_id = s.agent_id
                    AND ai.status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE')),
                '[]')::text AS items,
       (SELECT json_build_object('id', l.id, 'date', utc_json(l.actual_end_time),
                                 'summary', l.summary,
                                 'follow_up_topics', coalesce(l.follow_up_topics, '{}'))
          FROM coaching_sessions l
         WHERE l.agent_id = s.agent_id AND l.status = 'COMPLETED' AND l.id <> s.id
         ORDER BY coalesce(l.actual_end_time, l.scheduled_date) DESC
         LIMIT 1)::text AS last_session,
       (SELECT json_build_object('learning_style', p.learning_style,
                                 'preferred_feedback_method', p.preferred_feedback_method,
                                 'responds_well_to', p.responds_well_to,
                                 'best_coaching_time', p.best_coaching_time,
                                 'preferred_session_length', p.preferred_session_length,
                                 'core_strengths', p.core_strengths,
                                 'development_areas', p.development_areas)
          FROM agent_profiles p WHERE p.agent_id = s.agent_id)::text AS profile,
       coalesce((SELECT json_agg(json_build_object('issue', e.primary_issue,
                                                   'method', e.intervention_method,
                                                   'sessions', e.sessions,
                                                   'average_improvement', e.average))
                   FROM (SELECT primary_issue, intervention_method, sessions,
                                round(total_improvement / sessions, 1) AS average
                           FROM method_evidence
                          WHERE sessions > 0) e),
                '[]')::text AS evidence
  FROM s
