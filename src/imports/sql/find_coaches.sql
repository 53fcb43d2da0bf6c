-- The coaches a COACHING_HISTORY import by $1 (reach $2, auth::list_reach) may name: live
-- TEAM_LEADERs and MANAGERs it may read (resource 'imports'), by employee ID ($3), email ($4, lower
-- case) or id ($5).
SELECT u.id, u.employee_id, lower(u.email) AS email
  FROM users u
 WHERE {{auth/reaches(u)}}
   AND (u.employee_id = ANY($3::text[]) OR lower(u.email) = ANY($4::text[])
        OR u.id = ANY($5::uuid[]))
   AND u.role IN ('TEAM_LEADER', 'MANAGER') AND u.deleted_at IS NULL
