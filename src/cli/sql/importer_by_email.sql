-- The live ADMIN or MANAGER with email $1 (any case): id, role.
SELECT id, role FROM users WHERE lower(email) = lower($1) AND deleted_at IS NULL
   AND role IN ('ADMIN', 'MANAGER')
