-- The live user whose unexpired reset token hash is $1: id, email.
SELECT id, email FROM users
 WHERE password_reset_token = $1 AND password_reset_expires > now() AND deleted_at IS NULL
