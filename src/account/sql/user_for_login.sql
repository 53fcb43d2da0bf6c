-- The live user signing in with email $1 (any case): id, password_hash, role, status.
SELECT id, password_hash, role, status
  FROM users
 WHERE lower(email) = lower($1) AND deleted_at IS NULL
