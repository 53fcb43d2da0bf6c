-- The first live ADMIN (by creation): id, role. The default importer of `coach import`.
SELECT id, role FROM users WHERE role = 'ADMIN' AND deleted_at IS NULL
 ORDER BY created_at, id LIMIT 1
