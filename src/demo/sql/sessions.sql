-- Creates pg_temp.coach_demo_load_sessions, a step of the demo loader (create_loader.sql calls the
-- steps in order, passing each the variables it reads). It writes the coaching sessions (scratch
-- table coach_demo_sessions, then coaching_sessions), planned before the metrics, which respond to
-- the completed ones (scratch table coach_demo_bumps).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_sessions(
    s text, v_today date, v_end date, v_start date, v_horizon date, v_plan_start date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    CREATE TEMP TABLE coach_demo_sessions ON COMMIT DROP AS
    WITH raw AS (
        SELECT a.n, a.id AS agent_id, a.tl_id, a.slot, a.archetype, a.weak_issue, a.h, k,
               v_start + a.phase + k * a.cadence AS d0,
               md5(s || 'session:' || a.n || ':' || k) AS hs
        FROM coach_demo_agents a
        CROSS JOIN generate_series(0, 80) AS k
        WHERE v_start + a.phase + k * a.cadence <= v_horizon
    ), dated AS (
        SELECT r.*,
               CASE extract(isodow FROM r.d0)::int WHEN 6 THEN r.d0 - 1 WHEN 7 THEN r.d0 + 1
                                                   ELSE r.d0 END AS day
        FROM raw r
    ), planned AS (
        -- nobody books a session in the agent's vacation week
        SELECT d.*
        FROM dated d
        JOIN coach_demo_agents a ON a.n = d.n
        WHERE (d.day - DATE '2000-01-03') / 7 - (v_start - DATE '2000-01-03') / 7
              NOT IN (a.vacation1, a.vacation2)
    ), typed AS (
        SELECT d.*,
               md5(s || 'session:' || d.n || ':' || d.k)::uuid AS id,
               -- 40-minute slots from 08:00 UTC by the agent's place in the team: a team
               -- leader never has two sessions at once
               (d.day + make_interval(mins => 480 + d.slot * 40)) AT TIME ZONE 'UTC'
                   AS scheduled_date,
               CASE
                   WHEN d.day >= v_today THEN 'SCHEDULED'
                   WHEN NOT EXISTS (SELECT 1 FROM coach_demo_days w
                                    WHERE w.n = d.n AND w.day = d.day) THEN 'CANCELLED'
                   -- PIP check-ins always happen when the agent is in
                   WHEN d.archetype = 'pip_active' AND d.day >= v_plan_start THEN 'COMPLETED'
                   WHEN pg_temp.coach_demo_u(d.hs, 1) < 0.03 THEN 'CANCELLED'
                   WHEN pg_temp.coach_demo_u(d.hs, 1)
                        < CASE WHEN d.archetype IN ('critical', 'pip_draft') THEN 0.11
                               ELSE 0.055 END THEN 'NO_SHOW'
                   ELSE 'COMPLETED'
               END::session_status AS status,
               NOT EXISTS (SELECT 1 FROM coach_demo_days w
                           WHERE w.n = d.n AND w.day = d.day) AND d.day < v_today AS absent,
               CASE
                   WHEN d.archetype = 'pip_active' AND d.day >= v_plan_start THEN 'PIP_CHECK'
                   WHEN d.archetype IN ('critical', 'pip_draft')
                        AND pg_temp.coach_demo_u(d.hs, 2) < 0.25 THEN 'URGENT'
                   WHEN pg_temp.coach_demo_u(d.hs, 2) < 0.2 THEN 'FOLLOW_UP'
                   ELSE 'REGULAR'
               END::session_type AS session_type,
               CASE WHEN d.archetype = 'pip_active' AND d.day >= v_plan_start
                        THEN (ARRAY['Quality', 'AHT'])[1 + d.k % 2]
                    WHEN pg_temp.coach_demo_u(d.hs, 3) < 0.7 THEN d.weak_issue
                    ELSE (ARRAY['AHT', 'Quality', 'Service', 'Adherence', 'Attendance',
                                'Compliance'])[1 + floor(pg_temp.coach_demo_u(d.hs, 4) * 6)::int]
               END AS issue,
               (ARRAY['Role-play', 'Shadowing', 'Side-by-side', 'Training', 'Call review',
                      'Feedback'])[1 + floor(pg_temp.coach_demo_u(d.hs, 5) * 6)::int] AS method,
               CASE WHEN d.archetype IN ('critical', 'pip_draft', 'poor') THEN 2.6
                    WHEN d.archetype = 'star' THEN 4.2 ELSE 3.6 END AS engagement_base
        FROM planned d
    ), scored AS (
        SELECT t.*,
               greatest(1, least(5, round(t.engagement_base
                   + 0.9 * pg_temp.coach_demo_n(t.hs, 6))))::int AS engagement,
               greatest(1, least(5, round(t.engagement_base + 0.2
                   + 0.9 * pg_temp.coach_demo_n(md5(t.hs), 1))))::int AS receptiveness,
               greatest(1, least(5, round(t.engagement_base + 0.3
                   + 0.8 * pg_temp.coach_demo_n(md5(t.hs), 3))))::int AS understanding
        FROM typed t
    )
    SELECT sc.*,
           greatest(1, least(5, round((sc.engagement + sc.receptiveness + sc.understanding)
                                      / 3.0 + 0.6 * pg_temp.coach_demo_n(md5(sc.hs), 5))))::int
               AS overall,
           -- how much this method helps with this issue (points on the issue's score)
           CASE sc.method WHEN 'Side-by-side' THEN 3.2 WHEN 'Role-play' THEN 2.8
                          WHEN 'Shadowing' THEN 2.2 WHEN 'Call review' THEN 2.0
                          WHEN 'Training' THEN 1.4 ELSE 0.9 END
           + CASE WHEN sc.method = 'Role-play' AND sc.issue IN ('AHT', 'Service') THEN 1.6
                  WHEN sc.method = 'Shadowing' AND sc.issue = 'Quality' THEN 1.8
                  WHEN sc.method = 'Training' AND sc.issue IN ('Compliance', 'Quality') THEN 2.2
                  WHEN sc.method = 'Side-by-side' AND sc.issue IN ('AHT', 'Adherence') THEN 1.0
                  WHEN sc.method = 'Feedback' AND sc.issue = 'Attendance' THEN 2.4
                  ELSE 0 END AS method_effect
    FROM scored sc;
    ANALYZE coach_demo_sessions;

    -- Response of each working day to the completed sessions of the 4 weeks before it:
    -- ramps up over 5 days, holds until day 14, fades out by day 28.
    CREATE TEMP TABLE coach_demo_bumps ON COMMIT DROP AS
    SELECT w.n, w.day,
           sum(0.25 * x.e) AS b_level,
           sum(CASE WHEN c.issue = 'Service' THEN 1.6 * x.e ELSE 0 END) AS b_service,
           sum(CASE WHEN c.issue = 'AHT' THEN 1.6 * x.e ELSE 0 END) AS b_productivity,
           sum(CASE WHEN c.issue IN ('Quality', 'Compliance') THEN 1.6 * x.e ELSE 0 END)
               AS b_quality,
           sum(CASE WHEN c.issue = 'Attendance' THEN 1.6 * x.e ELSE 0 END) AS b_attendance,
           sum(CASE WHEN c.issue = 'Adherence' THEN 1.6 * x.e ELSE 0 END) AS b_adherence
    FROM coach_demo_days w
    JOIN coach_demo_sessions c
      ON c.n = w.n AND c.status = 'COMPLETED' AND w.day > c.day AND w.day < c.day + 28
    CROSS JOIN LATERAL (
        SELECT c.method_effect * (c.overall / 4.0)
               * CASE WHEN w.day - c.day <= 5 THEN (w.day - c.day) / 5.0
                      WHEN w.day - c.day <= 14 THEN 1.0
                      ELSE (28 - (w.day - c.day)) / 14.0 END AS e
    ) x
    GROUP BY w.n, w.day;

    INSERT INTO coaching_sessions (
        id, agent_id, team_leader_id, scheduled_date, actual_start_time, actual_end_time,
        session_type, status, topics_covered, discussion_notes, agent_commitments,
        resources_shared, engagement_score, receptiveness_score, understanding_score,
        overall_effectiveness, key_achievements, areas_of_concern, follow_up_required,
        follow_up_date, follow_up_topics, cancelled_reason, no_show_reason, created_at,
        updated_at)
    SELECT c.id, c.agent_id, c.tl_id, c.scheduled_date,
           CASE WHEN done THEN st END,
           CASE WHEN done
                THEN st + make_interval(mins => 18 + floor(pg_temp.coach_demo_u(c.hs, 8) * 18)::int)
           END,
           c.session_type, c.status,
           CASE WHEN done THEN topics END,
           CASE WHEN done THEN
               format('%s. %s %s', txt.focus, txt.method_note,
                      CASE WHEN c.overall >= 4 THEN 'Agent was engaged and set their own targets.'
                           WHEN c.overall >= 3 THEN 'Agent agreed with the plan.'
                           ELSE 'Agent was defensive; revisit the why next time.' END)
           END,
           CASE WHEN done THEN txt.commitment END,
           CASE WHEN done THEN txt.resources END,
           CASE WHEN done THEN c.engagement END,
           CASE WHEN done THEN c.receptiveness END,
           CASE WHEN done THEN c.understanding END,
           CASE WHEN done THEN c.overall END,
           CASE WHEN done THEN
               (ARRAY['Two compliments from customers this week',
                      'Closed every call with a clear next step',
                      'Zero compliance misses in the last QA sample',
                      'Helped a new hire with a tricky refund',
                      'Kept calm on a long escalated call',
                      'Used the new knowledge base article correctly'])
                   [1 + floor(pg_temp.coach_demo_u(md5(c.hs), 7) * 6)::int]
           END,
           CASE WHEN done THEN txt.concern END,
           done AND follow_up,
           CASE WHEN done AND follow_up THEN c.day + 7 END,
           CASE WHEN done AND follow_up THEN topics[1:1] END,
           CASE WHEN c.status = 'CANCELLED' THEN
               CASE WHEN c.absent THEN 'Agent absent (unplanned leave)'
                    ELSE (ARRAY['High call volume: all hands on the phones',
                                'Team leader pulled into an escalation review',
                                'Rescheduled at the agent''s request',
                                'System outage during the slot'])
                             [1 + floor(pg_temp.coach_demo_u(md5(c.hs), 8) * 4)::int] END
           END,
           CASE WHEN c.status = 'NO_SHOW' THEN
               (ARRAY['Agent did not join and did not reply to messages',
                      'Agent stuck on a long call, did not ask to be released',
                      'Agent forgot; calendar invite not accepted'])
                   [1 + floor(pg_temp.coach_demo_u(md5(c.hs), 8) * 3)::int]
           END,
           f.created,
           coalesce(CASE WHEN done THEN st + INTERVAL '40 minutes' END,
                    CASE WHEN c.status IN ('CANCELLED', 'NO_SHOW') THEN c.scheduled_date END,
                    f.created)
    FROM coach_demo_sessions c
    CROSS JOIN LATERAL (
        SELECT c.status = 'COMPLETED' AS done,
               c.scheduled_date
                   + make_interval(mins => floor(pg_temp.coach_demo_u(c.hs, 7) * 6)::int) AS st,
               c.archetype IN ('critical', 'pip_draft', 'pip_active')
                   OR pg_temp.coach_demo_u(md5(c.hs), 6) < 0.3 AS follow_up,
               -- booked about a week ahead, never later than yesterday evening
               least(c.scheduled_date - INTERVAL '6 days',
                     (v_end + TIME '17:00') AT TIME ZONE 'UTC') AS created
    ) f
    CROSS JOIN LATERAL (
        SELECT ARRAY(
            SELECT tp FROM unnest(CASE c.issue
                WHEN 'AHT' THEN ARRAY['Average handle time', 'Call control', 'Hold and mute usage',
                                      'After-call work', 'Knowledge base navigation']
                WHEN 'Quality' THEN ARRAY['QA scorecard review', 'Verification steps',
                                          'Accurate notes', 'Resolution checks', 'Call opening']
                WHEN 'Service' THEN ARRAY['Empathy statements', 'Active listening', 'CSAT comments',
                                          'Ownership language', 'De-escalation']
                WHEN 'Adherence' THEN ARRAY['Schedule adherence', 'Break timing', 'Aux code usage',
                                            'Logging in on time']
                WHEN 'Attendance' THEN ARRAY['Attendance', 'Punctuality', 'Shift swaps process',
                                             'Wellbeing check-in']
                ELSE ARRAY['Compliance script', 'Data protection', 'Call recording disclosure',
                           'Complaint handling']
            END) WITH ORDINALITY AS p(tp, i)
            ORDER BY md5(c.hs || i) LIMIT 2) || ARRAY['Wins since last session'] AS topics
    ) tp
    CROSS JOIN LATERAL (
        SELECT CASE c.issue
                   WHEN 'AHT' THEN 'Handle time is above the team target; long holds while searching the knowledge base'
                   WHEN 'Quality' THEN 'QA samples show skipped verification and thin call notes'
                   WHEN 'Service' THEN 'Customer comments mention a rushed tone; CSAT below team'
                   WHEN 'Adherence' THEN 'Late returns from breaks and long aux time'
                   WHEN 'Attendance' THEN 'Unplanned absences and late log-ins this month'
                   ELSE 'Missed the recording disclosure on two sampled calls'
               END AS focus,
               CASE c.method
                   WHEN 'Role-play' THEN 'Role-played three difficult calls and rehearsed the key phrases.'
                   WHEN 'Shadowing' THEN 'Agent will shadow a top performer for an hour this week.'
                   WHEN 'Side-by-side' THEN 'Sat side-by-side for five live calls with feedback after each.'
                   WHEN 'Training' THEN 'Booked the refresher module and walked through the material.'
                   WHEN 'Call review' THEN 'Listened to two recorded calls together and marked the gaps.'
                   ELSE 'Gave direct feedback with examples and agreed a measurable goal.'
               END AS method_note,
               CASE c.issue
                   WHEN 'AHT' THEN 'Use the call-flow cheat sheet; keep holds under 60 seconds.'
                   WHEN 'Quality' THEN 'Complete all verification steps and write notes before wrap-up.'
                   WHEN 'Service' THEN 'Use the customer''s name and one empathy statement per call.'
                   WHEN 'Adherence' THEN 'Set break reminders; log aux codes accurately.'
                   WHEN 'Attendance' THEN 'Log in five minutes before shift; report absences before start.'
                   ELSE 'Read the disclosure verbatim on every call.'
               END AS commitment,
               CASE c.issue
                   WHEN 'AHT' THEN ARRAY['Call-flow cheat sheet', 'KB: top 20 call drivers']
                   WHEN 'Quality' THEN ARRAY['QA scorecard guide', 'Note-taking template']
                   WHEN 'Service' THEN ARRAY['Empathy phrase bank']
                   WHEN 'Adherence' THEN ARRAY['Aux code reference']
                   WHEN 'Attendance' THEN ARRAY['Attendance policy', 'Shift swap form']
                   ELSE ARRAY['Compliance script v4', 'Data protection quick guide']
               END AS resources,
               CASE c.issue
                   WHEN 'AHT' THEN 'Handle time'
                   WHEN 'Quality' THEN 'Process accuracy'
                   WHEN 'Service' THEN 'Customer experience'
                   WHEN 'Adherence' THEN 'Schedule adherence'
                   WHEN 'Attendance' THEN 'Attendance reliability'
                   ELSE 'Compliance'
               END AS concern
    ) txt;
END;
$fn$;
