-- list_sessions, latest first (order=desc: an agent's past sessions).
SELECT coaching_session_json(cs)::text AS json,
       (cs.scheduled_date AT TIME ZONE 'UTC')::text || '+00' AS scheduled_date, cs.id::text AS id
  FROM coaching_sessions cs
  JOIN users u ON u.id = cs.agent_id
 WHERE {{sessions/list_filter}}
   AND ($9::timestamptz IS NULL OR (cs.scheduled_date, cs.id) < ($9::timestamptz, $10::uuid))
 ORDER BY cs.scheduled_date DESC, cs.id DESC
 LIMIT $11
