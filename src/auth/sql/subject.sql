-- The user $1 as the subject of a permission check (auth::SubjectColumns); no row when there
-- is no such user.
SELECT s.*
  FROM user_subjects s
 WHERE s.subject_id = $1::uuid
