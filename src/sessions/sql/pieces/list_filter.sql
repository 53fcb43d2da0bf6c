-- The WHERE of the session lists (list_sessions, list_sessions_desc): the sessions of the
-- agents u that viewer $1 reaches ($2), filtered by $3 agent_id, $4 team_leader_id, $5 status,
-- $6 session_type, $7 from and $8 to (timestamps, scheduled_date in [from, to)); NULL for none.
{{auth/reaches(u)}}
   AND ($3::uuid IS NULL OR cs.agent_id = $3::uuid)
   AND ($4::uuid IS NULL OR cs.team_leader_id = $4::uuid)
   AND ($5::session_status IS NULL OR cs.status = $5::session_status)
   AND ($6::session_type IS NULL OR cs.session_type = $6::session_type)
   AND ($7::timestamptz IS NULL OR cs.scheduled_date >= $7::timestamptz)
   AND ($8::timestamptz IS NULL OR cs.scheduled_date < $8::timestamptz)
