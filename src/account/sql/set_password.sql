-- User $1's new password hash $2; any pending reset is void.
UPDATE users SET password_hash = $2, password_reset_token = NULL, password_reset_expires = NULL
 WHERE id = $1::uuid
