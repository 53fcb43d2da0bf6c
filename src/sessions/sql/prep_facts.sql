-- The facts session $1's prep is built from (sessions::build_prep; docs/domain.md, "Session
-- prep"), in one row. "Today" is the organisation's (the session's time zone).
--   metrics   [{metric, agent, previous, team}]: averages of the agent's last 30 days (today
--             - 29 .. today), of the 30 before, and of the team's (the agents of the session's
--             team leader) last 30 days; null without data.
--   notes     the agent's unaddressed quick notes, HIGH first, oldest first.
--   items     the agent's open action items (PENDING, IN_PROGRESS, OVERDUE), by due date.
--   last_session  the agent's last completed session before this one (its date, summary and
--             follow-up topics), or null.
--   profile   the agent's profile hints, or null.
--   evidence  [{issue, method, sessions, average_improvement}]: measured effectiveness records
--             (improvement_percentage known), per primary issue and method.
WITH s AS (
    SELECT cs.id, cs.agent_id, cs.team_leader_id, cs.planned_minutes, cs.scheduled_date
      FROM coaching_sessions cs
     WHERE cs.id = $1::uuid
), team AS (
    SELECT u.id FROM users u, s
     WHERE u.team_leader_id = s.team_leader_id AND u.role = 'AGENT' AND u.deleted_at IS NULL
    UNION
    SELECT s.agent_id FROM s
), days AS (
    SELECT pm.agent_id = s.agent_id AS own, pm.metric_date > current_date - 30 AS recent,
           pm.service_score, pm.productivity_score, pm.quality_score, pm.attendance_rate,
           pm.adherence_score, pm.composite_score, pm.csat, pm.fcr, pm.aht, pm.compliance_score
      FROM performance_metrics pm, s
     WHERE pm.agent_id IN (SELECT id FROM team)
       AND pm.metric_date > current_date - 60 AND pm.metric_date <= current_date
       AND (pm.agent_id = s.agent_id OR pm.metric_date > current_date - 30)
), figures AS (
    SELECT v.metric,
           round(avg(v.value) FILTER (WHERE d.own AND d.recent), 2) AS agent,
           round(avg(v.value) FILTER (WHERE d.own AND NOT d.recent), 2) AS previous,
           round(avg(v.value) FILTER (WHERE d.recent), 2) AS team
      FROM days d
     CROSS JOIN LATERAL (VALUES
           ('service_score', d.service_score::numeric), ('productivity_score', d.productivity_score),
           ('quality_score', d.quality_score), ('attendance_rate', d.attendance_rate),
           ('adherence_score', d.adherence_score), ('composite_score', d.composite_score),
           ('csat', d.csat), ('fcr', d.fcr), ('aht', d.aht::numeric),
           ('compliance_score', d.compliance_score)) v(metric, value)
     GROUP BY v.metric
)
SELECT s.planned_minutes,
       coalesce((SELECT json_agg(json_build_object('metric', f.metric, 'agent', f.agent,
                                                   'previous', f.previous, 'team', f.team))
                   FROM figures f), '[]')::text AS metrics,
       coalesce((SELECT json_agg(json_build_object(
                            'id', qn.id, 'note_type', qn.note_type, 'priority', qn.priority,
                            'content', qn.content, 'created_at', qn.created_at,
                            'overdue', qn.address_by < now())
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
       (SELECT json_build_object('id', l.id, 'date', l.actual_end_time, 'summary', l.summary,
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
                   FROM (SELECT primary_issue, intervention_method, count(*) AS sessions,
                                round(avg(improvement_percentage), 1) AS average
                           FROM coaching_effectiveness
                          WHERE improvement_percentage IS NOT NULL
                            AND primary_issue IS NOT NULL AND intervention_method IS NOT NULL
                          GROUP BY 1, 2) e),
                '[]')::text AS evidence
  FROM s
