-- Refreshes the idle expiry of session $1 (at most once a minute).
UPDATE user_sessions SET last_seen_at = now()
 WHERE id = $1::uuid AND last_seen_at < now() - interval '60 seconds'
