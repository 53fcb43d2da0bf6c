-- The sessions viewer $1 (reach $2, auth::list_reach of sessions) may read, earliest first:
-- filters as in the piece sessions/list_filter; $9/$10 the cursor (scheduled_date, id); $11
-- the limit. json, and the key: scheduled_date in UTC text (KeyPart::Timestamp) and id.
-- Indexes: idx_sessions_leader / idx_sessions_agent for those filters, else idx_sessions_date.
SELECT coaching_session_json(cs)::text AS json,
       (cs.scheduled_date AT TIME ZONE 'UTC')::text || '+00' AS scheduled_date, cs.id::text AS id
  FROM coaching_sessions cs
  JOIN users u ON u.id = cs.agent_id
 WHERE {{sessions/list_filter}}
   AND ($9::timestamptz IS NULL OR (cs.scheduled_date, cs.id) > ($9::timestamptz, $10::uuid))
 ORDER BY cs.scheduled_date, cs.id
 LIMIT $11
