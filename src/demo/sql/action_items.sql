-- Creates pg_temp.coach_demo_load_action_items, a step of the demo loader (create_loader.sql calls
-- the steps in order, passing each the variables it reads). It writes the action items of
-- completed sessions (action_items).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_action_items(s text, v_today date, v_end date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO action_items (
        id, session_id, agent_id, assigned_by, title, description, category, due_date,
        reminder_date, completed_date, priority, status, progress_percentage, progress_notes,
        blockers, completion_notes, verified_by, verification_date, created_at, updated_at)
    WITH items AS (
        SELECT c.*, j, md5(s || 'action:' || c.n || ':' || c.k || ':' || j) AS ha
        FROM coach_demo_sessions c
        CROSS JOIN generate_series(1, 2) AS j
        WHERE c.status = 'COMPLETED'
          AND j <= CASE WHEN pg_temp.coach_demo_u(c.hs, 8) < 0.4 THEN 0
                        WHEN pg_temp.coach_demo_u(c.hs, 8) < 0.85 THEN 1 ELSE 2 END
    ), texts AS (
        SELECT * FROM (VALUES
            ('AHT', 1, 'Use the call-flow cheat sheet', 'Keep the cheat sheet open on every call for two weeks and note where it did not help.', 'Skill development'),
            ('AHT', 2, 'Cut hold time', 'Keep every hold under 60 seconds; ask for help in the team chat instead of searching.', 'Efficiency'),
            ('Quality', 1, 'Complete the QA self-review', 'Score three of your own recorded calls with the QA scorecard and bring them to the next session.', 'Quality'),
            ('Quality', 2, 'Verification refresher', 'Finish the verification e-learning module and pass the quiz.', 'Training'),
            ('Service', 1, 'Empathy phrase practice', 'Use one empathy statement on every call with an upset customer; note three examples.', 'Skill development'),
            ('Service', 2, 'Review CSAT comments', 'Read last month''s CSAT comments and pick two habits to change.', 'Customer experience'),
            ('Adherence', 1, 'Break reminders', 'Set reminders for breaks and lunch; aim for less than 2 minutes late on return.', 'Adherence'),
            ('Adherence', 2, 'Aux code accuracy', 'Log the right aux code for every non-call activity for two weeks.', 'Adherence'),
            ('Attendance', 1, 'Attendance plan', 'Agree a plan with HR for the recurring Monday absences.', 'Attendance'),
            ('Attendance', 2, 'Log in on time', 'Be logged in and ready five minutes before shift start every day.', 'Attendance'),
            ('Compliance', 1, 'Compliance script sign-off', 'Read the compliance script v4 and sign it off in the LMS.', 'Compliance'),
            ('Compliance', 2, 'Disclosure on every call', 'Read the recording disclosure verbatim on every call; TL to sample five calls.', 'Compliance')
        ) AS v(issue, idx, title, description, category)
    ), dued AS (
        SELECT i.*, i.day + 7 + floor(pg_temp.coach_demo_u(i.ha, 1) * 14)::int AS due
        FROM items i
    ), shaped AS (
        SELECT i.*, x.title, x.description, x.category,
               pg_temp.coach_demo_u(i.ha, 2) AS u,
               CASE
                   WHEN i.due >= v_today THEN
                       CASE WHEN pg_temp.coach_demo_u(i.ha, 2) < 0.15 AND i.day + 1 < v_today
                                THEN 'done'
                            WHEN pg_temp.coach_demo_u(i.ha, 2) < 0.55 THEN 'open'
                            ELSE 'progress' END
                   WHEN i.day >= v_today - 45
                        AND pg_temp.coach_demo_u(i.ha, 2)
                            < CASE WHEN i.archetype IN ('critical', 'pip_draft', 'pip_active',
                                                        'poor')
                                   THEN 0.5 ELSE 0.25 END
                       THEN CASE WHEN pg_temp.coach_demo_u(i.ha, 3) < 0.5 THEN 'open'
                                 ELSE 'progress' END
                   WHEN pg_temp.coach_demo_u(i.ha, 2) > 0.95 THEN 'cancelled'
                   ELSE 'done'
               END AS fate
        FROM dued i
        JOIN texts x ON x.issue = i.issue AND x.idx = i.j
    ), timed AS (
        SELECT sh.*,
               -- completed between the day after the session and two days after the due date
               CASE WHEN sh.fate = 'done' THEN
                   (least(v_end, sh.day + 1 + floor(pg_temp.coach_demo_u(sh.ha, 4)
                                                    * (sh.due - sh.day + 2))::int)
                    + make_interval(mins => 600 + floor(pg_temp.coach_demo_u(sh.ha, 5) * 420)::int))
                   AT TIME ZONE 'UTC' END AS done_at,
               sh.scheduled_date + INTERVAL '45 minutes' AS created
        FROM shaped sh
    )
    SELECT md5(s || 'action:' || t.n || ':' || t.k || ':' || t.j)::uuid,
           t.id, t.agent_id, t.tl_id, t.title, t.description, t.category,
           t.due, t.due - 2, t.done_at,
           CASE WHEN t.archetype IN ('critical', 'pip_draft', 'pip_active')
                     OR t.issue = 'Compliance'
                    THEN 'HIGH'
                WHEN pg_temp.coach_demo_u(t.ha, 6) < 0.25 THEN 'LOW'
                ELSE 'MEDIUM' END::priority_level,
           -- open items past due become OVERDUE through the schema's trigger
           CASE t.fate WHEN 'done' THEN 'COMPLETED' WHEN 'cancelled' THEN 'CANCELLED'
                       WHEN 'progress' THEN 'IN_PROGRESS' ELSE 'PENDING' END::action_item_status,
           CASE t.fate WHEN 'done' THEN 100
                       WHEN 'progress' THEN 20 + 10 * floor(pg_temp.coach_demo_u(t.ha, 7) * 6)::int
                       ELSE 0 END,
           CASE WHEN t.fate = 'progress' THEN 'Started; halfway through.' END,
           CASE WHEN t.fate IN ('open', 'progress') AND t.due < v_today
                     AND pg_temp.coach_demo_u(t.ha, 8) < 0.5
                    THEN (ARRAY['No time off the phones during peak weeks',
                                'Training module access not granted yet'])
                             [1 + floor(pg_temp.coach_demo_u(md5(t.ha), 1) * 2)::int] END,
           CASE WHEN t.fate = 'done'
                    THEN (ARRAY['Done, reviewed together.', 'Completed; evidence in the LMS.',
                                'Done and already seeing results.'])
                             [1 + floor(pg_temp.coach_demo_u(md5(t.ha), 2) * 3)::int]
                WHEN t.fate = 'cancelled' THEN 'No longer relevant after the process change.' END,
           CASE WHEN t.fate = 'done' AND pg_temp.coach_demo_u(md5(t.ha), 3) < 0.7
                     AND t.done_at < v_end::timestamp AT TIME ZONE 'UTC' THEN t.tl_id END,
           CASE WHEN t.fate = 'done' AND pg_temp.coach_demo_u(md5(t.ha), 3) < 0.7
                     AND t.done_at < v_end::timestamp AT TIME ZONE 'UTC'
                THEN t.done_at + INTERVAL '1 day' END,
           t.created,
           greatest(t.created, coalesce(t.done_at, t.created))
    FROM timed t;
END;
$fn$;
