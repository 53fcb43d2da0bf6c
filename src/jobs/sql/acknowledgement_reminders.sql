-- Reminds each agent, once per session, of a coaching session completed in the app (so asked
-- about: acknowledgement_requested_at) that they have not answered
-- (acknowledged or disputed) after 3 working days (Monday to Friday) following the day it ended,
-- counted up to $1 (the run's today): completed on a Friday, reminded the next Wednesday. $2 the
-- server's public URL. reminded: how many sessions.
WITH due AS (
    UPDATE coaching_sessions cs SET acknowledgement_reminded_at = now()
     WHERE cs.status = 'COMPLETED' AND cs.acknowledgement IS NULL
       AND cs.acknowledgement_requested_at IS NOT NULL
       AND cs.acknowledgement_reminded_at IS NULL
       AND cs.actual_end_time IS NOT NULL
       AND (SELECT count(*) FROM generate_series(cs.actual_end_time::date + 1, $1::date,
                                                 interval '1 day') d
             WHERE extract(isodow FROM d) < 6) >= 3
    RETURNING cs.id, cs.agent_id, cs.actual_end_time
), told AS (
    SELECT coach_notify(d.agent_id, 'acknowledgement_due',
                        'Your coaching session of ' || to_char(d.actual_end_time, 'YYYY-MM-DD')
                            || ' is waiting for your acknowledgement.',
                        '/sessions/' || d.id, $2)
      FROM due d
)
SELECT (SELECT count(*) FROM due) AS reminded, (SELECT count(*) FROM told) AS told
