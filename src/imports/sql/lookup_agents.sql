-- The live AGENTs an import by $1 (reach $2, auth::list_reach) may name (resource 'imports'), by
-- employee ID ($3) or by email ($4, lower case). by_email: matched on $4; key: the value matched.
SELECT false AS by_email, k AS key, u.id AS agent_id, u.team_leader_id
  FROM unnest($3::text[]) k
  JOIN users u ON u.employee_id = k
 WHERE u.role = 'AGENT' AND u.deleted_at IS NULL
   AND {{auth/reaches(u)}}
UNION ALL
SELECT true, k, u.id, u.team_leader_id
  FROM unnest($4::text[]) k
  JOIN users u ON lower(u.email) = k
 WHERE u.role = 'AGENT' AND u.deleted_at IS NULL
   AND {{auth/reaches(u)}}
