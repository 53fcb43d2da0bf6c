-- Whether session $1 is one of agent $2's (a note links only to its own agent's sessions).
SELECT count(*) AS found FROM coaching_sessions WHERE id = $1::uuid AND agent_id = $2::uuid
