-- Creates pg_temp.coach_demo_load_quick_notes, a step of the demo loader (create_loader.sql calls
-- the steps in order, passing each the variables it reads). It writes the quick notes
-- (quick_notes), on agents' working days of the last 120 days.
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_quick_notes(s text, v_today date, v_end date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    INSERT INTO quick_notes (
        id, team_leader_id, agent_id, note_type, category, subcategory, content, call_id,
        customer_id, timestamp_occurred, priority, requires_follow_up, linked_session_id,
        addressed, addressed_date, addressed_notes, created_at, updated_at)
    WITH picked AS (
        SELECT w.n, w.day, a.id AS agent_id, a.tl_id, a.archetype,
               md5(s || 'note:' || w.n || ':' || w.day) AS hn,
               row_number() OVER (PARTITION BY w.n
                                  ORDER BY md5(s || 'note-pick:' || w.n || ':' || w.day)) AS k,
               CASE WHEN a.archetype IN ('critical', 'pip_active', 'pip_draft', 'poor') THEN 16
                    ELSE 6 END
                   + floor(8 * pg_temp.coach_demo_u(a.h2, 8))::int AS wanted
        FROM coach_demo_days w
        JOIN coach_demo_agents a ON a.n = w.n
        WHERE w.day > v_end - 120
    ), typed AS (
        SELECT p.*,
               CASE WHEN uu.u < th.pos THEN 'POSITIVE'
                    WHEN uu.u < th.coach THEN 'COACHING'
                    WHEN uu.u < th.gen THEN 'GENERAL'
                    WHEN uu.u < th.urg THEN 'URGENT'
                    ELSE 'COMPLIANCE' END::note_type AS note_type,
               (p.day
                + make_interval(mins => 510 + floor(pg_temp.coach_demo_u(p.hn, 2) * 480)::int))
                   AT TIME ZONE 'UTC' AS occurred
        FROM picked p
        CROSS JOIN LATERAL (SELECT pg_temp.coach_demo_u(p.hn, 1) AS u) uu
        -- cumulative shares of POSITIVE, COACHING, GENERAL, URGENT (rest COMPLIANCE)
        CROSS JOIN LATERAL (
            SELECT * FROM (VALUES
                ('star', 0.60, 0.75, 0.92, 0.96),
                ('steady', 0.35, 0.65, 0.80, 0.90),
                ('improving', 0.35, 0.65, 0.80, 0.90),
                ('declining', 0.25, 0.60, 0.75, 0.88)) AS v(archetype, pos, coach, gen, urg)
            WHERE v.archetype = p.archetype
            UNION ALL
            SELECT p.archetype, 0.15, 0.50, 0.60, 0.80
            WHERE p.archetype IN ('critical', 'poor', 'pip_active', 'pip_draft')
        ) th
        WHERE p.k <= p.wanted
    ), texts AS (
        SELECT * FROM (VALUES
            ('POSITIVE', 1, 'Customer experience', 'Compliment', 'Customer thanked the agent by name for sorting out a double charge on the first call.'),
            ('POSITIVE', 2, 'Teamwork', 'Peer support', 'Helped a new hire through a tricky refund without being asked.'),
            ('POSITIVE', 3, 'Call handling', 'De-escalation', 'Calmed an angry caller and kept the call under six minutes. Great tone.'),
            ('POSITIVE', 4, 'Quality', 'Notes', 'Call notes were clear enough that the next agent resolved the follow-up in one call.'),
            ('COACHING', 1, 'Call handling', 'Hold time', 'Put the customer on hold three times while searching the knowledge base; suggest the cheat sheet.'),
            ('COACHING', 2, 'Call handling', 'Call control', 'Let the caller drift off topic for several minutes; practise steering back to the issue.'),
            ('COACHING', 3, 'Quality', 'Verification', 'Skipped the second verification question before discussing the account.'),
            ('COACHING', 4, 'Customer experience', 'Empathy', 'Tone sounded rushed at the end of the call; no empathy statement when the customer was upset.'),
            ('COACHING', 5, 'Adherence', 'Breaks', 'Came back from break 8 minutes late during the morning peak.'),
            ('GENERAL', 1, 'Admin', 'Schedule', 'Asked about swapping Friday shift next week; pointed to the shift swap form.'),
            ('GENERAL', 2, 'Wellbeing', 'Check-in', 'Mentioned feeling tired after a run of long calls; suggested a short reset break.'),
            ('GENERAL', 3, 'Development', 'Career', 'Interested in the QA analyst role; discuss at the next session.'),
            ('URGENT', 1, 'Customer experience', 'Escalation', 'Customer asked for a supervisor after a long hold; agent did not offer a call-back.'),
            ('URGENT', 2, 'Conduct', 'Professionalism', 'Raised voice with a customer on a disputed bill; call needs review today.'),
            ('URGENT', 3, 'Call handling', 'Dropped call', 'Call disconnected during a payment; no call-back attempt logged.'),
            ('COMPLIANCE', 1, 'Compliance', 'Disclosure', 'Recording disclosure not read at the start of the call.'),
            ('COMPLIANCE', 2, 'Compliance', 'Data protection', 'Read the full card number back to the caller.'),
            ('COMPLIANCE', 3, 'Compliance', 'Verification', 'Discussed account details before completing identity verification.')
        ) AS v(note_type, idx, category, subcategory, content)
    ), counted AS (
        SELECT note_type, count(*) AS cnt FROM texts GROUP BY note_type
    ), located AS (
        SELECT t.*,
               x.category, x.subcategory, x.content,
               (SELECT cs.id FROM coaching_sessions cs
                WHERE cs.agent_id = t.agent_id AND cs.status = 'COMPLETED'
                  AND cs.scheduled_date > t.occurred
                  AND cs.scheduled_date <= t.occurred + INTERVAL '21 days'
                ORDER BY cs.scheduled_date LIMIT 1) AS session_id,
               pg_temp.coach_demo_u(t.hn, 4) AS u_addr
        FROM typed t
        JOIN counted cn ON cn.note_type = t.note_type::text
        JOIN texts x ON x.note_type = t.note_type::text
                    AND x.idx = 1 + floor(pg_temp.coach_demo_u(t.hn, 3) * cn.cnt)::int
    ), addressed AS (
        SELECT l.*,
               CASE WHEN l.session_id IS NOT NULL
                         AND l.u_addr < CASE WHEN l.note_type = 'POSITIVE' THEN 0.5 ELSE 0.9 END
                        THEN 'session'
                    WHEN l.occurred < (v_today - 7)::timestamp AT TIME ZONE 'UTC' AND l.u_addr < 0.6
                        THEN 'floor'
                    ELSE NULL END AS how
        FROM located l
    )
    SELECT md5(s || 'note:' || a.n || ':' || a.day)::uuid,
           a.tl_id, a.agent_id, a.note_type, a.category, a.subcategory, a.content,
           CASE WHEN a.note_type <> 'GENERAL'
                THEN 'CALL-' || to_char(a.day, 'YYYYMMDD') || '-'
                     || lpad(floor(pg_temp.coach_demo_u(a.hn, 5) * 100000)::int::text, 5, '0') END,
           CASE WHEN a.note_type <> 'GENERAL'
                THEN 'CUST-'
                     || lpad(floor(pg_temp.coach_demo_u(a.hn, 6) * 1000000)::int::text, 6, '0') END,
           a.occurred,
           CASE WHEN a.note_type IN ('URGENT', 'COMPLIANCE') THEN 'HIGH'
                WHEN a.note_type = 'COACHING' THEN 'MEDIUM'
                WHEN a.note_type = 'GENERAL' AND pg_temp.coach_demo_u(a.hn, 7) < 0.4 THEN 'MEDIUM'
                ELSE 'LOW' END::priority_level,
           a.note_type IN ('URGENT', 'COMPLIANCE')
               OR (a.note_type = 'COACHING' AND pg_temp.coach_demo_u(a.hn, 7) < 0.6),
           CASE WHEN a.how = 'session' THEN a.session_id END,
           a.how IS NOT NULL,
           CASE WHEN a.how = 'session' THEN cs.actual_end_time
                WHEN a.how = 'floor' THEN a.occurred + INTERVAL '1 day 2 hours' END,
           CASE WHEN a.how = 'session'
                    THEN 'Discussed in the coaching session on '
                         || to_char(cs.scheduled_date, 'YYYY-MM-DD') || '.'
                WHEN a.how = 'floor'
                    THEN (ARRAY['Talked it through on the floor the next morning.',
                                'Shared with the agent by chat; acknowledged.',
                                'Covered in the team huddle.'])
                             [1 + floor(pg_temp.coach_demo_u(a.hn, 8) * 3)::int] END,
           a.occurred + INTERVAL '10 minutes',
           coalesce(CASE WHEN a.how = 'session' THEN cs.actual_end_time
                         WHEN a.how = 'floor' THEN a.occurred + INTERVAL '1 day 2 hours' END,
                    a.occurred + INTERVAL '10 minutes')
    FROM addressed a
    LEFT JOIN coaching_sessions cs ON cs.id = a.session_id AND a.how = 'session';
END;
$fn$;
