-- The coaches a COACHING_HISTORY import by $1 (reach $2, auth::list_reach) may name: live TEAM_LEADERs and
-- MANAGERs it may read (resource 'imports'), by employee ID ($3), email ($4, lower case) or
-- id ($5).
SELECT u.id, u.employee_id, lower(u.email) AS email
  FROM users u
  LEFT JOIN users tl ON tl.id = u.team_leader_id
 WHERE coach_reaches($1::uuid, $2::text, u.id, u.role, u.team_leader_id, u.manager_id,
                     tl.manager_id, u.deleted_at IS NOT NULL)
   AND (u.employee_id = ANY($3::text[]) OR lower(u.email) = ANY($4::text[])
        OR u.id = ANY($5::uuid[]))
   AND u.role IN ('TEAM_LEADER', 'MANAGER') AND u.deleted_at IS NULL
