-- Session $1 as the API shows it (json: coaching_session_json, migration 0022), its status
-- and version (the ETag), its team leader, and its agent as the subject of permission checks
-- (user_subjects).
SELECT cs.id::text AS session_id, coaching_session_json(cs)::text AS json, cs.status,
       cs.version, cs.team_leader_id::text AS team_leader_id,
       s.*
  FROM coaching_sessions cs
  JOIN user_subjects s ON s.subject_id = cs.agent_id
 WHERE cs.id = $1::uuid
