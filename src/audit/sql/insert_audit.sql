-- One audit_log row: $1 actor, $2 action, $3 entity type, $4 entity id, $5 before and $6 after
-- (JSON text), $7 client address ('' for none), $8 user agent, $9 request id.
INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, ip, user_agent,
                       request_id)
VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, NULLIF($7, '')::inet, $8, $9)
