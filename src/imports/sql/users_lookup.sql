-- Every user a USERS file names, as a row or a reference: by employee ID ($1), email ($2,
-- lower case) or id ($3), with what the checks need: deleted, reports (how many live users
-- report to them), and the roles of their live team leader and manager.
SELECT u.id, u.employee_id, lower(u.email) AS email, u.role, u.team_leader_id, u.manager_id,
       u.deleted_at IS NOT NULL AS deleted,
       (SELECT count(*) FROM users r
         WHERE (r.team_leader_id = u.id OR r.manager_id = u.id) AND r.deleted_at IS NULL)
           AS reports,
       tl.role AS team_leader_role, mg.role AS manager_role
  FROM users u
  LEFT JOIN users tl ON tl.id = u.team_leader_id AND tl.deleted_at IS NULL
  LEFT JOIN users mg ON mg.id = u.manager_id AND mg.deleted_at IS NULL
 WHERE u.employee_id = ANY($1::text[]) OR lower(u.email) = ANY($2::text[])
    OR u.id = ANY($3::uuid[])
