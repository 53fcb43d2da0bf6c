-- Creates pg_temp.coach_demo_load_profiles, a step of the demo loader (create_loader.sql calls the
-- steps in order, passing each the variables it reads). It writes the agents' profiles
-- (agent_profiles).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_profiles(s text, v_end date, v_start date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO agent_profiles (
        agent_id, learning_style, preferred_feedback_method, primary_motivators, demotivators,
        core_strengths, development_areas, hidden_talents, stress_indicators, success_patterns,
        best_coaching_time, preferred_session_length, responds_well_to, career_aspirations,
        personal_goals, peer_comparison_opt_in, percentile_ranking, profile_created_by,
        last_updated_by, created_at, updated_at)
    WITH recent AS (
        SELECT a.n,
               avg(pm.service_score) AS service, avg(pm.productivity_score) AS productivity,
               avg(pm.quality_score) AS quality, avg(pm.attendance_rate) AS attendance,
               avg(pm.adherence_score) AS adherence, avg(pm.composite_score) AS composite
        FROM coach_demo_agents a
        JOIN performance_metrics pm ON pm.agent_id = a.id AND pm.metric_date > v_end - 30
        GROUP BY a.n
    ), ranked AS (
        SELECT r.n,
               round(100 * percent_rank() OVER (ORDER BY r.service)) AS p_service,
               round(100 * percent_rank() OVER (ORDER BY r.productivity)) AS p_productivity,
               round(100 * percent_rank() OVER (ORDER BY r.quality)) AS p_quality,
               round(100 * percent_rank() OVER (ORDER BY r.attendance)) AS p_attendance,
               round(100 * percent_rank() OVER (ORDER BY r.adherence)) AS p_adherence,
               round(100 * percent_rank() OVER (ORDER BY r.composite)) AS p_composite
        FROM recent r
    )
    SELECT a.id,
           upper(a.learning_style)::learning_style,
           (ARRAY['Written', 'Verbal', 'Demonstration'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 1) * 3)::int],
           ARRAY(SELECT m FROM unnest(ARRAY['Recognition', 'Career growth', 'Mastery',
                                            'Team spirit', 'Bonus targets', 'Helping customers',
                                            'Flexible schedule']) WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'mot' || i) LIMIT 2 + (a.n % 2)),
           ARRAY(SELECT m FROM unnest(ARRAY['Micromanagement', 'Unclear targets',
                                            'Repetitive calls', 'Public criticism',
                                            'Last-minute schedule changes'])
                                                WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'dem' || i) LIMIT 2),
           ARRAY(SELECT st FROM (VALUES ('Empathy and rapport', a.o_service),
                                        ('Efficient call control', a.o_productivity),
                                        ('Accurate, thorough work', a.o_quality),
                                        ('Reliable attendance', a.o_attendance),
                                        ('Schedule discipline', a.o_adherence)) AS v(st, o)
                 ORDER BY o DESC LIMIT 2),
           ARRAY(SELECT st FROM (VALUES ('Customer empathy', a.o_service),
                                        ('Handle time', a.o_productivity),
                                        ('Process accuracy', a.o_quality),
                                        ('Attendance', a.o_attendance),
                                        ('Schedule adherence', a.o_adherence)) AS v(st, o)
                 ORDER BY o LIMIT 2),
           ARRAY[(ARRAY['Explains technical issues simply', 'Spanish speaker',
                        'Good with spreadsheets', 'Calms angry callers', 'Natural trainer',
                        'Spots process gaps'])[1 + floor(pg_temp.coach_demo_u(hp.h, 2) * 6)::int]],
           ARRAY(SELECT m FROM unnest(ARRAY['Shorter answers', 'Longer after-call work',
                                            'Skips breaks', 'Quiet in huddles',
                                            'More transfers']) WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'str' || i) LIMIT 2),
           ARRAY(SELECT m FROM unnest(ARRAY['Strong after a 1:1', 'Best in the morning',
                                            'Improves with clear targets',
                                            'Responds to peer examples']) WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'suc' || i) LIMIT 2),
           (ARRAY['Morning', 'Afternoon', 'End of shift'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 3) * 3)::int],
           (ARRAY[20, 30, 30, 45])[1 + floor(pg_temp.coach_demo_u(hp.h, 4) * 4)::int],
           ARRAY(SELECT m FROM unnest(ARRAY['Specific examples', 'Call recordings',
                                            'Data and charts', 'Praise first',
                                            'Practice by role-play', 'Written summaries'])
                                      WITH ORDINALITY AS q(m, i)
                 ORDER BY md5(hp.h || 'rwt' || i) LIMIT 2),
           (ARRAY['Team leader within two years', 'Move into QA', 'Become a trainer',
                  'Join workforce management', 'Stay on the phones; become a subject expert'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 5) * 5)::int],
           (ARRAY['Reach a composite of 90', 'Finish the advanced product course',
                  'Zero late log-ins this quarter', 'Mentor a new hire'])
               [1 + floor(pg_temp.coach_demo_u(hp.h, 6) * 4)::int],
           opt.opt_in,
           CASE WHEN opt.opt_in THEN jsonb_build_object(
               'service', rk.p_service, 'productivity', rk.p_productivity,
               'quality', rk.p_quality, 'attendance', rk.p_attendance,
               'adherence', rk.p_adherence, 'composite', rk.p_composite) END,
           a.tl_id, a.tl_id,
           (v_start - 7 + TIME '12:00') AT TIME ZONE 'UTC',
           (v_end - (a.n % 60) + TIME '12:00') AT TIME ZONE 'UTC'
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (SELECT md5(s || 'profile:' || a.n) AS h) hp
    CROSS JOIN LATERAL (SELECT pg_temp.coach_demo_u(hp.h, 7) < 0.85 AS opt_in) opt
    LEFT JOIN ranked rk ON rk.n = a.n;
END;
$fn$;
