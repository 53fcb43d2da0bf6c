-- Creates pg_temp.coach_demo_load_answers, a step of the demo loader (create_loader.sql calls the
-- steps in order, passing each the variables it reads). It makes the coaching of the last three
-- weeks look lived-in: completed sessions get a summary; those of the last 21 days were asked to
-- be acknowledged (most are, a few are disputed, the newest wait, those waiting over 3 working
-- days were reminded); quick notes past their deadline were escalated; and everyone has the
-- notifications those events wrote (read when older than two days).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_answers(s text, v_today date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    UPDATE coaching_sessions cs
       SET summary = coalesce(cs.key_achievements || '. ', '')
                     || coalesce('To work on: ' || cs.areas_of_concern, 'Keep going as agreed.')
     WHERE cs.status = 'COMPLETED' AND cs.summary IS NULL;

    WITH recent AS (
        SELECT cs.id, cs.actual_end_time,
               pg_temp.coach_demo_u(md5(s || 'answer:' || cs.id), 1) AS u,
               v_today - cs.actual_end_time::date AS age
          FROM coaching_sessions cs
         WHERE cs.status = 'COMPLETED' AND cs.actual_end_time >= v_today - 21
    )
    UPDATE coaching_sessions cs
       SET acknowledgement_requested_at = r.actual_end_time,
           acknowledgement = CASE WHEN r.age <= 1 OR r.u >= 0.88 THEN NULL
                                  WHEN r.u < 0.08 THEN 'DISPUTED' ELSE 'ACKNOWLEDGED' END,
           acknowledgement_comment = CASE
               WHEN r.age > 1 AND r.u < 0.08 THEN
                   (ARRAY['The low score came from one bad call in a week of good ones.',
                          'We did not talk about the schedule change that caused the misses.',
                          'I was covering a colleague''s queue that week; AHT reflects that.'])
                       [1 + floor(r.u / 0.08 * 3)::int]
               WHEN r.age > 1 AND r.u < 0.88 AND r.u >= 0.6 THEN 'Thanks, agreed.'
           END,
           acknowledged_at = CASE WHEN r.age > 1 AND r.u < 0.88
                                  THEN r.actual_end_time + interval '1 day 2 hours' END,
           acknowledgement_reminded_at = CASE WHEN r.age > 5 AND r.u >= 0.88
                                              THEN r.actual_end_time + interval '5 days' END
      FROM recent r
     WHERE cs.id = r.id;

    UPDATE quick_notes qn SET escalated_at = qn.address_by + interval '8 hours'
     WHERE NOT qn.addressed AND qn.address_by + interval '8 hours' < v_today::timestamptz;

    -- The notifications those events wrote: agents about their upcoming sessions and the
    -- summaries to acknowledge, team leaders about the answers (disputes also to the manager),
    -- managers about the escalated notes.
    INSERT INTO notifications (id, recipient_id, kind, subject, link, read_at, created_at,
                               updated_at)
    SELECT md5(s || 'notification:' || n.key)::uuid, n.recipient, n.kind, n.subject, n.link,
           CASE WHEN n.at < v_today - 2 THEN n.at + interval '3 hours' END, n.at, n.at
      FROM (
        SELECT 'scheduled:' || cs.id AS key, cs.agent_id AS recipient,
               'session_scheduled' AS kind,
               'Coaching session scheduled for '
                   || to_char(cs.scheduled_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
                   || ' (UTC).' AS subject,
               '/sessions/' || cs.id AS link,
               (v_today - 3)::timestamptz + interval '9 hours' AS at
          FROM coaching_sessions cs
         WHERE cs.status = 'SCHEDULED' AND cs.scheduled_date < v_today + 8
        UNION ALL
        SELECT 'completed:' || cs.id, cs.agent_id, 'session_completed',
               'Your coaching session''s summary is ready: read it and acknowledge it.',
               '/sessions/' || cs.id, cs.actual_end_time
          FROM coaching_sessions cs
         WHERE cs.acknowledgement_requested_at IS NOT NULL
        UNION ALL
        SELECT 'answer:' || cs.id, cs.team_leader_id,
               CASE cs.acknowledgement WHEN 'DISPUTED' THEN 'session_disputed'
                                       ELSE 'session_acknowledged' END,
               a.name || CASE cs.acknowledgement
                             WHEN 'DISPUTED' THEN ' disputed their coaching session: '
                                                  || cs.acknowledgement_comment
                             ELSE ' acknowledged their coaching session.' END,
               '/sessions/' || cs.id, cs.acknowledged_at
          FROM coaching_sessions cs
          JOIN users a ON a.id = cs.agent_id
         WHERE cs.acknowledgement IS NOT NULL
        UNION ALL
        SELECT 'dispute:' || cs.id, tl.manager_id, 'session_disputed',
               a.name || ' disputed their coaching session: ' || cs.acknowledgement_comment,
               '/sessions/' || cs.id, cs.acknowledged_at
          FROM coaching_sessions cs
          JOIN users a ON a.id = cs.agent_id
          JOIN users tl ON tl.id = cs.team_leader_id
         WHERE cs.acknowledgement = 'DISPUTED' AND tl.manager_id IS NOT NULL
        UNION ALL
        SELECT 'reminder:' || cs.id, cs.agent_id, 'acknowledgement_due',
               'Your coaching session of ' || to_char(cs.actual_end_time, 'YYYY-MM-DD')
                   || ' is waiting for your acknowledgement.',
               '/sessions/' || cs.id, cs.acknowledgement_reminded_at
          FROM coaching_sessions cs
         WHERE cs.acknowledgement_reminded_at IS NOT NULL
        UNION ALL
        SELECT 'escalated:' || tl.manager_id || ':' || qn.escalated_at::date, tl.manager_id,
               'note_escalated',
               CASE WHEN count(*) = 1 THEN '1 quick note in your teams is past its deadline.'
                    ELSE count(*) || ' quick notes in your teams are past their deadline.' END,
               '/notes?overdue=true', min(qn.escalated_at)
          FROM quick_notes qn
          JOIN users tl ON tl.id = qn.team_leader_id
         WHERE qn.escalated_at IS NOT NULL AND tl.manager_id IS NOT NULL
         GROUP BY tl.manager_id, qn.escalated_at::date
      ) n;
END;
$fn$;
