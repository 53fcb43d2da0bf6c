-- find_user, locking the users row until the transaction ends: the checks made on it and the
-- write they guard then see the same row (docs/architecture.md, "Check and write").
SELECT user_json(u)::text AS json, s.*, u.name
  FROM users u
  JOIN user_subjects s ON s.subject_id = u.id
 WHERE u.id = $1::uuid
   FOR UPDATE OF u
