-- Creates pg_temp.coach_demo_load_metrics, a step of the demo loader (create_loader.sql calls the
-- steps in order, passing each the variables it reads). It writes the daily performance metrics
-- (performance_metrics).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_metrics(
    s text, v_start date, v_plan_start date, v_span double precision)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO performance_metrics (
        id, agent_id, metric_date, service_score, productivity_score, quality_score,
        attendance_rate, adherence_score, csat, fcr, aht, calls_handled, calls_transferred,
        calls_escalated, scheduled_hours, actual_hours, break_time_minutes,
        lunch_time_minutes, aux_time_minutes, script_adherence, compliance_score, qa_score,
        created_at, updated_at)
    SELECT md5(s || 'metric:' || w.n || ':' || w.day)::uuid,
           w.agent_id, w.day,
           c.service, c.productivity, c.quality, c.attendance, c.adherence,
           pg_temp.coach_demo_clamp(1.2 + c.service * 0.038 + 0.18 * pg_temp.coach_demo_n(h.h2, 1),
                                    1, 5),
           o.fcr, o.aht, o.calls,
           greatest(0, round(o.calls * (0.02 + (100 - o.fcr) * 0.0012)
                             + pg_temp.coach_demo_n(h.h2, 3)))::int,
           greatest(0, round(o.calls * (0.004 + (100 - c.quality) * 0.0004)
                             + 0.7 * pg_temp.coach_demo_n(h.h2, 5)))::int,
           8.00, o.actual_hours, o.break_min, o.lunch_min, o.aux_min,
           pg_temp.coach_demo_clamp(c.quality + 6 + 3 * pg_temp.coach_demo_n(h.h3, 1), 0, 100),
           pg_temp.coach_demo_clamp(c.quality + 9 + coalesce(b.b_quality, 0)
                                    + 2.5 * pg_temp.coach_demo_n(h.h3, 3), 0, 100),
           pg_temp.coach_demo_clamp(c.quality + 4 * pg_temp.coach_demo_n(h.h3, 5), 0, 100),
           (w.day + TIME '23:00') AT TIME ZONE 'UTC',   -- loaded at the end of the day
           (w.day + TIME '23:00') AT TIME ZONE 'UTC'
    FROM coach_demo_days w
    JOIN coach_demo_agents a ON a.n = w.n
    LEFT JOIN coach_demo_bumps b ON b.n = w.n AND b.day = w.day
    CROSS JOIN LATERAL (
        SELECT md5(s || 'metric-a:' || w.n || ':' || w.day) AS h1,
               md5(s || 'metric-b:' || w.n || ':' || w.day) AS h2,
               md5(s || 'metric-c:' || w.n || ':' || w.day) AS h3,
               (w.day - v_start) / v_span AS t
        OFFSET 0  -- keeps each digest computed once per row (no subquery pull-up)
    ) h
    CROSS JOIN LATERAL (
        SELECT CASE WHEN a.archetype = 'pip_draft'  -- fine until the last quarter, then drops
                        THEN CASE WHEN h.t < 0.75 THEN a.start_level
                                  ELSE a.start_level + (a.end_level - a.start_level)
                                                       * (h.t - 0.75) / 0.25 END
                    ELSE a.start_level + (a.end_level - a.start_level) * h.t END
               + a.team_offset
               -- Mondays are hardest, Fridays a little better
               + CASE extract(isodow FROM w.day)::int
                     WHEN 1 THEN -2.5 WHEN 2 THEN -0.3 WHEN 3 THEN 0.2 WHEN 4 THEN 0.5
                     WHEN 5 THEN 1.5 ELSE -1.0 END
               -- holiday peak in December
               + CASE WHEN extract(month FROM w.day) = 12 THEN -1.5 ELSE 0 END
               -- the PIP works: steady recovery after the plan started
               + CASE WHEN a.archetype = 'pip_active' AND w.day >= v_plan_start
                          THEN least(4.0, (w.day - v_plan_start) / 5.0) ELSE 0 END
               + coalesce(b.b_level, 0)
               + 2.2 * pg_temp.coach_demo_n(h.h1, 1) AS lvl
        OFFSET 0
    ) l
    CROSS JOIN LATERAL (
        SELECT pg_temp.coach_demo_clamp(l.lvl + a.o_service + coalesce(b.b_service, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h1, 3), 0, 100) AS service,
               pg_temp.coach_demo_clamp(l.lvl + a.o_productivity + coalesce(b.b_productivity, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h1, 5), 0, 100)
                   AS productivity,
               pg_temp.coach_demo_clamp(l.lvl + a.o_quality + coalesce(b.b_quality, 0)
                                        + 3.5 * pg_temp.coach_demo_n(h.h1, 7), 0, 100) AS quality,
               pg_temp.coach_demo_clamp(l.lvl + 7 + a.o_attendance + coalesce(b.b_attendance, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h2, 7), 0, 100)
                   AS attendance,
               pg_temp.coach_demo_clamp(l.lvl - 4 + a.o_adherence + coalesce(b.b_adherence, 0)
                                        + 3.0 * pg_temp.coach_demo_n(h.h3, 7), 0, 100) AS adherence
        OFFSET 0
    ) c
    CROSS JOIN LATERAL (
        SELECT greatest(150, round(235 + (100 - c.productivity) * 5.5
                                   + CASE WHEN extract(isodow FROM w.day) = 1 THEN 12 ELSE 0 END
                                   + 15 * pg_temp.coach_demo_n(h.h2, 2)))::int AS aht,
               pg_temp.coach_demo_clamp(c.service * 0.85 + 6 + 4 * pg_temp.coach_demo_n(h.h3, 2),
                                        0, 100) AS fcr,
               -- attendance is the share of the 8 scheduled hours worked; sometimes overtime
               round((8.0 * c.attendance / 100
                      + CASE WHEN pg_temp.coach_demo_u(h.h3, 4) < 0.04
                             THEN 0.5 + floor(pg_temp.coach_demo_u(h.h3, 6) * 4) * 0.5
                             ELSE 0 END)::numeric, 2) AS actual_hours,
               greatest(0, round(30 + (100 - c.adherence) * 0.25
                                 + 6 * pg_temp.coach_demo_u(h.h3, 8)))::int AS break_min,
               30 + floor(8 * pg_temp.coach_demo_u(h.h1, 2))::int AS lunch_min,
               (10 + floor(25 * pg_temp.coach_demo_u(h.h1, 4))
                + CASE WHEN pg_temp.coach_demo_u(h.h1, 6) < 0.05 THEN 45 ELSE 0 END)::int AS aux_min
        OFFSET 0
    ) o0
    CROSS JOIN LATERAL (
        SELECT o0.*,
               greatest(0, round((o0.actual_hours * 60 - o0.break_min - o0.lunch_min - o0.aux_min)
                                 * 60 * (0.8 + 0.08 * pg_temp.coach_demo_u(h.h2, 8)) / o0.aht))::int
                   AS calls
    ) o;
END;
$fn$;
