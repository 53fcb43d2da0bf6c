-- The live users among $3 (uuid[]) that a user being written would report to, with their role
-- and manager, share-locked until the transaction ends: nobody can delete them or change
-- their role meanwhile, and a concurrent change that did so first is seen here. `visible`:
-- whether viewer $1 (reach $2) may see them (a reference the writer sets to someone outside
-- their scope reads as one that does not exist: users/routes.cpp).
SELECT u.id, u.role, u.manager_id, {{auth/reaches(u)}} AS visible
  FROM users u
 WHERE u.id = ANY($3::uuid[])
   AND u.deleted_at IS NULL
   FOR SHARE OF u
