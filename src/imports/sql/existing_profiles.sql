-- Which of the agents $1 already have a profile.
SELECT agent_id FROM agent_profiles WHERE agent_id = ANY($1::uuid[])
