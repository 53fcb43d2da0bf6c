-- Creates pg_temp.coach_demo_load_action_plans, a step of the demo loader (create_loader.sql calls
-- the steps in order, passing each the variables it reads). It writes the PIPs (action_plans): one
-- ACTIVE (approved by the agent's manager), one DRAFT.
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_action_plans(
    s text, v_today date, v_end date, v_plan_start date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO action_plans (
        id, agent_id, created_by, approved_by, start_date, target_end_date, status,
        reason_for_plan, target_metrics, success_criteria, check_in_frequency,
        next_check_in_date, progress_updates, current_score, created_at, updated_at)
    SELECT md5(s || 'plan:active')::uuid, a.id, a.tl_id, a.manager_id,
           v_plan_start, v_plan_start + 60, 'ACTIVE',
           format('Composite score averaged %s over the four weeks before the plan (team: %s). '
                  'Quality (%s) and handle time (%s s) are the main gaps; coaching on both '
                  'since the spring has not closed them.',
                  round(m0.composite, 1), round(tm.composite, 1), round(m0.quality, 1),
                  round(m0.aht)),
           jsonb_build_object(
               'quality_score', jsonb_build_object('target', 80, 'current', round(m0.quality, 1)),
               'aht', jsonb_build_object('target', 330, 'current', round(m0.aht)),
               'composite_score', jsonb_build_object('target', 75,
                                                     'current', round(m0.composite, 1))),
           jsonb_build_object(
               'mandatory', jsonb_build_array('quality_score >= 80', 'aht <= 330'),
               'recommended', jsonb_build_array('complete_training', 'shadow_top_performer')),
           'WEEKLY',
           (SELECT min(c.day) FROM coach_demo_sessions c
            WHERE c.n = a.n AND c.day >= v_today AND c.session_type = 'PIP_CHECK'),
           coalesce(pu.updates, '[]'::jsonb),
           pu.last_score,
           (v_plan_start - 3 + TIME '15:00') AT TIME ZONE 'UTC',
           coalesce(pu.last_at, (v_plan_start - 3 + TIME '15:00') AT TIME ZONE 'UTC')
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite, avg(pm.quality_score) AS quality,
               avg(pm.aht) AS aht
        FROM performance_metrics pm
        WHERE pm.agent_id = a.id AND pm.metric_date >= v_plan_start - 28
          AND pm.metric_date < v_plan_start
    ) m0
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite
        FROM performance_metrics pm JOIN users u ON u.id = pm.agent_id
        WHERE u.team_leader_id = a.tl_id AND pm.metric_date >= v_plan_start - 28
          AND pm.metric_date < v_plan_start
    ) tm
    LEFT JOIN LATERAL (
        SELECT jsonb_agg(jsonb_build_object(
                   'date', c.day,
                   'session_id', c.id,
                   'metrics', jsonb_build_object('quality_score', round(m.quality, 2),
                                                 'aht', round(m.aht),
                                                 'composite_score', round(m.composite, 2)),
                   'criteria', jsonb_build_array(
                       jsonb_build_object('criterion', 'quality_score >= 80',
                                          'met', m.quality >= 80),
                       jsonb_build_object('criterion', 'aht <= 330', 'met', m.aht <= 330)),
                   'score', sc.score,
                   'notes', CASE WHEN sc.score = 100 THEN 'All mandatory criteria met.'
                                 WHEN m.composite > m0.composite + 1
                                     THEN format('Improving: composite %s against %s at the '
                                                 'start; not all targets met yet.',
                                                 round(m.composite, 1), round(m0.composite, 1))
                                 ELSE 'No clear change yet; targets not met.' END)
                   ORDER BY c.day) AS updates,
               (array_agg(sc.score ORDER BY c.day DESC))[1] AS last_score,
               max(c.scheduled_date + INTERVAL '45 minutes') AS last_at
        FROM coach_demo_sessions c
        CROSS JOIN LATERAL (
            SELECT avg(pm.quality_score) AS quality, avg(pm.aht) AS aht,
                   avg(pm.composite_score) AS composite
            FROM performance_metrics pm
            WHERE pm.agent_id = c.agent_id AND pm.metric_date >= c.day - 14
              AND pm.metric_date < c.day
        ) m
        CROSS JOIN LATERAL (
            SELECT (50.0 * ((m.quality >= 80)::int + (m.aht <= 330)::int))::numeric(5,2) AS score
        ) sc
        WHERE c.n = a.n AND c.session_type = 'PIP_CHECK' AND c.status = 'COMPLETED'
    ) pu ON TRUE
    WHERE a.archetype = 'pip_active';

    INSERT INTO action_plans (
        id, agent_id, created_by, start_date, target_end_date, status, reason_for_plan,
        target_metrics, success_criteria, check_in_frequency, created_at, updated_at)
    SELECT md5(s || 'plan:draft')::uuid, a.id, a.tl_id,
           v_today + (8 - extract(isodow FROM v_today)::int),   -- next Monday
           v_today + (8 - extract(isodow FROM v_today)::int) + 30,
           'DRAFT',
           format('Composite score fell to %s over the last 30 days (from %s three months ago), '
                  'driven by attendance (%s) and schedule adherence (%s). '
                  'Draft for manager approval.',
                  round(m.composite, 1), round(m_old.composite, 1), round(m.attendance, 1),
                  round(m.adherence, 1)),
           jsonb_build_object(
               'attendance_rate', jsonb_build_object('target', 92,
                                                     'current', round(m.attendance, 1)),
               'adherence_score', jsonb_build_object('target', 85,
                                                     'current', round(m.adherence, 1)),
               'composite_score', jsonb_build_object('target', 70,
                                                     'current', round(m.composite, 1))),
           jsonb_build_object(
               'mandatory', jsonb_build_array('attendance_rate >= 92', 'adherence_score >= 85',
                                              'no_unplanned_absences'),
               'recommended', jsonb_build_array('attendance_support_meeting',
                                                'review_shift_pattern')),
           'TWICE_WEEKLY',
           (v_end + TIME '16:00') AT TIME ZONE 'UTC',
           (v_end + TIME '16:00') AT TIME ZONE 'UTC'
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite, avg(pm.attendance_rate) AS attendance,
               avg(pm.adherence_score) AS adherence
        FROM performance_metrics pm
        WHERE pm.agent_id = a.id AND pm.metric_date > v_end - 30
    ) m
    CROSS JOIN LATERAL (
        SELECT avg(pm.composite_score) AS composite
        FROM performance_metrics pm
        WHERE pm.agent_id = a.id AND pm.metric_date > v_end - 120 AND pm.metric_date <= v_end - 90
    ) m_old
    WHERE a.archetype = 'pip_draft';
END;
$fn$;
