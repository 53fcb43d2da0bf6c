-- Creates pg_temp.coach_demo_load_effectiveness, a step of the demo loader (create_loader.sql
-- calls the steps in order, passing each the variables it reads). It writes coaching effectiveness
-- (coaching_effectiveness) for a sample of completed sessions.
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_effectiveness(s text, v_end date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO coaching_effectiveness (
        id, session_id, agent_id, team_leader_id, primary_issue, intervention_method,
        metrics_before, metrics_after, measurement_period_days, improvement_percentage,
        sustained_after_30_days, sustained_after_90_days, success_factors, failure_factors,
        recommended_for_similar_issues, notes, created_at, updated_at)
    WITH chosen AS (
        SELECT c.*,
               CASE c.issue WHEN 'AHT' THEN 'aht' WHEN 'Quality' THEN 'quality_score'
                            WHEN 'Service' THEN 'service_score'
                            WHEN 'Adherence' THEN 'adherence_score'
                            WHEN 'Attendance' THEN 'attendance_rate'
                            ELSE 'compliance_score' END AS metric,
               c.day + 14 <= v_end AS measured
        FROM coach_demo_sessions c
        WHERE c.status = 'COMPLETED'
          AND pg_temp.coach_demo_u(md5(s || 'effect:' || c.n || ':' || c.k), 1) < 0.4
    ), windows AS (
        SELECT sm.*, b.j AS before_json, af.j AS after_json,
               (b.j ->> sm.metric)::numeric AS v_before,
               (af.j ->> sm.metric)::numeric AS v_after,
               (d30.j ->> sm.metric)::numeric AS v_30,
               (d90.j ->> sm.metric)::numeric AS v_90
        FROM chosen sm
        CROSS JOIN LATERAL (
            SELECT jsonb_build_object(
                       'from', sm.day - 14, 'to', sm.day - 1, 'days', count(*),
                       'composite_score', round(avg(composite_score), 2),
                       'service_score', round(avg(service_score), 2),
                       'productivity_score', round(avg(productivity_score), 2),
                       'quality_score', round(avg(quality_score), 2),
                       'attendance_rate', round(avg(attendance_rate), 2),
                       'adherence_score', round(avg(adherence_score), 2),
                       'compliance_score', round(avg(compliance_score), 2),
                       'csat', round(avg(csat), 2),
                       'aht', round(avg(aht), 1)) AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id AND metric_date >= sm.day - 14 AND metric_date < sm.day
        ) b
        CROSS JOIN LATERAL (
            SELECT CASE WHEN sm.measured THEN jsonb_build_object(
                       'from', sm.day + 1, 'to', sm.day + 14, 'days', count(*),
                       'composite_score', round(avg(composite_score), 2),
                       'service_score', round(avg(service_score), 2),
                       'productivity_score', round(avg(productivity_score), 2),
                       'quality_score', round(avg(quality_score), 2),
                       'attendance_rate', round(avg(attendance_rate), 2),
                       'adherence_score', round(avg(adherence_score), 2),
                       'compliance_score', round(avg(compliance_score), 2),
                       'csat', round(avg(csat), 2),
                       'aht', round(avg(aht), 1)) END AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id AND metric_date > sm.day AND metric_date <= sm.day + 14
        ) af
        CROSS JOIN LATERAL (
            SELECT CASE WHEN sm.day + 30 <= v_end THEN jsonb_build_object(
                       'quality_score', avg(quality_score), 'service_score', avg(service_score),
                       'adherence_score', avg(adherence_score),
                       'attendance_rate', avg(attendance_rate),
                       'compliance_score', avg(compliance_score), 'aht', avg(aht)) END AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id
              AND metric_date > sm.day + 16 AND metric_date <= sm.day + 30
        ) d30
        CROSS JOIN LATERAL (
            SELECT CASE WHEN sm.day + 90 <= v_end THEN jsonb_build_object(
                       'quality_score', avg(quality_score), 'service_score', avg(service_score),
                       'adherence_score', avg(adherence_score),
                       'attendance_rate', avg(attendance_rate),
                       'compliance_score', avg(compliance_score), 'aht', avg(aht)) END AS j
            FROM performance_metrics
            WHERE agent_id = sm.agent_id
              AND metric_date > sm.day + 76 AND metric_date <= sm.day + 90
        ) d90
    ), scored AS (
        SELECT w.*,
               CASE WHEN w.v_before IS NULL OR w.v_before = 0 OR w.v_after IS NULL THEN NULL
                    WHEN w.metric = 'aht' THEN round((w.v_before - w.v_after) / w.v_before * 100, 2)
                    ELSE round((w.v_after - w.v_before) / w.v_before * 100, 2) END AS improvement,
               CASE WHEN w.v_30 IS NULL OR w.v_before IS NULL THEN NULL
                    WHEN w.metric = 'aht' THEN w.v_30 < w.v_before ELSE w.v_30 > w.v_before END
                   AS sustained30,
               CASE WHEN w.v_90 IS NULL OR w.v_before IS NULL THEN NULL
                    WHEN w.metric = 'aht' THEN w.v_90 < w.v_before ELSE w.v_90 > w.v_before END
                   AS sustained90
        FROM windows w
    )
    SELECT md5(s || 'effect:' || sc.n || ':' || sc.k)::uuid,
           sc.id, sc.agent_id, sc.tl_id, sc.issue, sc.method,
           sc.before_json, sc.after_json, 14, sc.improvement,
           -- sustained: still better than before 30 (90) days on, after an improvement
           CASE WHEN sc.improvement IS NOT NULL THEN sc.sustained30 AND sc.improvement > 0 END,
           CASE WHEN sc.improvement IS NOT NULL THEN sc.sustained90 AND sc.improvement > 0 END,
           CASE WHEN sc.improvement > 0 THEN
               ARRAY(SELECT f FROM unnest(ARRAY['Agent practised between sessions',
                                                'Clear, measurable goal',
                                                'Immediate feedback on live calls',
                                                'Peer example to copy',
                                                'Follow-up within a week'])
                                                    WITH ORDINALITY AS q(f, i)
                     ORDER BY md5(sc.hs || 'sf' || i) LIMIT 2) END,
           CASE WHEN sc.improvement <= 0 THEN
               ARRAY(SELECT f FROM unnest(ARRAY['High call volume limited practice time',
                                                'Goal too broad',
                                                'Agent disengaged during the session',
                                                'Knowledge gap needs formal training',
                                                'Schedule changes interrupted follow-up'])
                                                    WITH ORDINALITY AS q(f, i)
                     ORDER BY md5(sc.hs || 'ff' || i) LIMIT 2) END,
           coalesce(sc.improvement > 5, FALSE),
           CASE WHEN sc.improvement IS NULL
                    THEN format('%s on %s; after-period not complete yet.', sc.method,
                                lower(sc.issue))
                ELSE format('%s on %s: %s %s%% over %s days.', sc.method, lower(sc.issue),
                            sc.metric, sc.improvement, 14) END,
           sc.scheduled_date + INTERVAL '1 hour',
           CASE WHEN sc.measured THEN (sc.day + 14 + TIME '23:30') AT TIME ZONE 'UTC'
                ELSE sc.scheduled_date + INTERVAL '1 hour' END
    FROM scored sc;
END;
$fn$;
