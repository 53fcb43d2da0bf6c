-- A new SCHEDULED session: $1 agent, $2 team leader, $3 created_by, $4 scheduled_date,
-- $5 planned_minutes, $6 session_type, $7 topics_covered (text[], or NULL). Returns its id.
INSERT INTO coaching_sessions (agent_id, team_leader_id, created_by, scheduled_date,
                               planned_minutes, session_type, topics_covered)
VALUES ($1::uuid, $2::uuid, $3::uuid, $4::timestamptz, $5::int, $6::session_type, $7::text[])
RETURNING id::text AS id
