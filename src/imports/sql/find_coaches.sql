-- The coaches a COACHING_HISTORY import by $1 (role $2) may name: live TEAM_LEADERs and
-- MANAGERs it may read (resource 'imports'), by employee ID ($3), email ($4, lower case) or
-- id ($5).
SELECT u.id, u.employee_id, lower(u.email) AS email
  FROM users u
  JOIN coach_readable_users($1::uuid, $2::user_role, 'imports') v ON v.user_id = u.id
 WHERE (u.employee_id = ANY($3::text[]) OR lower(u.email) = ANY($4::text[])
        OR u.id = ANY($5::uuid[]))
   AND u.role IN ('TEAM_LEADER', 'MANAGER') AND u.deleted_at IS NULL
