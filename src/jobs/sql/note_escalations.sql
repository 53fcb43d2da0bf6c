-- Tells each manager, once per note, about the open quick notes of their teams past their
-- deadline (address_by): one notification and mail per manager (coach_notify), and marks
-- those notes escalated. $1 the server's public URL. escalated: how many notes. Notes of a
-- team leader without a manager wait until one is set.
WITH due AS (
    UPDATE quick_notes qn SET escalated_at = now()
      FROM users a
      JOIN users tl ON tl.id = a.team_leader_id
     WHERE a.id = qn.agent_id
       AND NOT qn.addressed AND qn.escalated_at IS NULL AND qn.address_by < coach_now()
       AND tl.manager_id IS NOT NULL
    RETURNING qn.id, tl.manager_id
), per_manager AS (
    SELECT manager_id, count(*) AS notes FROM due GROUP BY manager_id
), told AS (
    SELECT coach_notify(pm.manager_id, 'note_escalated',
                        CASE WHEN pm.notes = 1
                             THEN '1 quick note in your teams is past its deadline.'
                             ELSE pm.notes || ' quick notes in your teams are past their deadline.'
                        END,
                        '/notes?overdue=true', $1)
      FROM per_manager pm
)
SELECT (SELECT count(*) FROM due) AS escalated, (SELECT count(*) FROM told) AS managers
