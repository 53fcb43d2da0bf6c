-- Signs out every session of user $1 but session $2 (NULL: every session).
UPDATE user_sessions SET revoked_at = now()
 WHERE user_id = $1::uuid AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid
