-- Sets the password hash $2 of the live user with email $1 (any case) and ends every session
-- of that user. Returns the user's id; no row when there is no such user.
WITH u AS (
    UPDATE users SET password_hash = $2, password_reset_token = NULL, password_reset_expires = NULL
     WHERE lower(email) = lower($1) AND deleted_at IS NULL RETURNING id
), s AS (
    UPDATE user_sessions SET revoked_at = now()
     WHERE user_id IN (SELECT id FROM u) AND revoked_at IS NULL
)
SELECT id FROM u
