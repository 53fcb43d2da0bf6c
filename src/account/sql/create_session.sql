-- A new session: $1 user, $2 token hash (bytea), $3 CSRF token, $4 client address ('' for
-- none), $5 user agent, $6 absolute lifetime in seconds. id: the session's.
INSERT INTO user_sessions (user_id, token_hash, csrf_token, ip, user_agent, expires_at)
VALUES ($1::uuid, $2::bytea, $3, NULLIF($4, '')::inet, $5, now() + make_interval(secs => $6::int))
RETURNING id
