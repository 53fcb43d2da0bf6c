-- Signs out session $1.
UPDATE user_sessions SET revoked_at = now() WHERE id = $1::uuid AND revoked_at IS NULL
