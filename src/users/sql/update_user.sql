-- Sets the columns of user $1 that the JSON object $2 names (a JSON null clears one); the
-- others keep their value. $2 holds only the fields of users::UserInput's whitelist.
UPDATE users u
   SET (email, name, role, team_leader_id, manager_id, department, employee_id, hire_date,
        phone, avatar_url, status, learning_style, shift_pattern, timezone)
     = (SELECT r.email, r.name, r.role, r.team_leader_id, r.manager_id, r.department,
               r.employee_id, r.hire_date, r.phone, r.avatar_url, r.status, r.learning_style,
               r.shift_pattern, r.timezone
          FROM jsonb_populate_record(u, $2::jsonb) r)
 WHERE u.id = $1::uuid
RETURNING u.id
