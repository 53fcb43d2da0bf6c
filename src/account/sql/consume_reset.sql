-- Sets user $1's password hash to $3 while reset token hash $2 is still the stored, unexpired
-- one (single use). id: no row when it is not.
UPDATE users SET password_hash = $3, password_reset_token = NULL, password_reset_expires = NULL
 WHERE id = $1::uuid AND password_reset_token = $2 AND password_reset_expires > now()
RETURNING id
