-- The users viewer $1 (reach $2, auth::list_reach) may see, by name: filters $3 role, $4 status,
-- $5 team_leader_id, $6 manager_id, $7 department, $8 ILIKE pattern on name, email or
-- employee_id, $9 include deleted ones; $10/$11 the cursor (name, id); $12 the limit.
SELECT user_json(u)::text AS json, u.name, u.id
  FROM users u
 WHERE {{auth/reaches(u)}}
   AND ($3::user_role IS NULL OR u.role = $3::user_role)
   AND ($4::user_status IS NULL OR u.status = $4::user_status)
   AND ($5::uuid IS NULL OR u.team_leader_id = $5::uuid)
   AND ($6::uuid IS NULL OR u.manager_id = $6::uuid)
   AND ($7::text IS NULL OR u.department = $7)
   AND ($8::text IS NULL OR u.name ILIKE $8 OR u.email ILIKE $8 OR u.employee_id ILIKE $8)
   AND ($9::bool OR u.deleted_at IS NULL)
   AND ($10::text IS NULL OR (u.name, u.id) > ($10::text, $11::uuid))
 ORDER BY u.name, u.id
 LIMIT $12
