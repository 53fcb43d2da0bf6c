-- The notes viewer $1 (reach $2, auth::list_reach of quick_notes) may read, newest first:
-- filters $3 agent_id, $4 team_leader_id, $5 addressed, $6 note_type, $7 priority, $8 overdue
-- (true: open and past address_by; false: not), $9 from and $10 to (created_at; timestamps);
-- NULL for none. $11/$12 the cursor (created_at, id); $13 the limit.
SELECT quick_note_json(qn)::text AS json,
       (qn.created_at AT TIME ZONE 'UTC')::text || '+00' AS created_at, qn.id::text AS id
  FROM quick_notes qn
  JOIN users u ON u.id = qn.agent_id
 WHERE {{auth/reaches(u)}}
   AND ($3::uuid IS NULL OR qn.agent_id = $3::uuid)
   AND ($4::uuid IS NULL OR qn.team_leader_id = $4::uuid)
   AND ($5::bool IS NULL OR qn.addressed = $5::bool)
   AND ($6::note_type IS NULL OR qn.note_type = $6::note_type)
   AND ($7::priority_level IS NULL OR qn.priority = $7::priority_level)
   AND ($8::bool IS NULL OR (NOT qn.addressed AND qn.address_by < coach_now()) = $8::bool)
   AND ($9::timestamptz IS NULL OR qn.created_at >= $9::timestamptz)
   AND ($10::timestamptz IS NULL OR qn.created_at < $10::timestamptz)
   AND ($11::timestamptz IS NULL OR (qn.created_at, qn.id) < ($11::timestamptz, $12::uuid))
 ORDER BY qn.created_at DESC, qn.id DESC
 LIMIT $13
