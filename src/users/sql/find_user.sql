-- The user $1 (deleted ones included): its public JSON, its user_subjects columns, its name.
SELECT user_json(u)::text AS json, s.*, u.name
  FROM users u
  JOIN user_subjects s ON s.subject_id = u.id
 WHERE u.id = $1::uuid
