-- The live users among $1 (uuid[]) that a user being written would report to, with their role
-- and manager, share-locked until the transaction ends: nobody can delete them or change
-- their role meanwhile, and a concurrent change that did so first is seen here.
SELECT id, role, manager_id
  FROM users
 WHERE id = ANY($1::uuid[])
   AND deleted_at IS NULL
   FOR SHARE
