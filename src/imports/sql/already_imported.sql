-- The latest completed, stored import of the file whose SHA-256 is $1: id, imported_on, and
-- visible: whether the uploader $2 (role $3) may read that import (its importer is the target,
-- resource 'imports'), so that a 409 names only imports the caller can open.
SELECT l.id, to_char(l.created_at, 'YYYY-MM-DD') AS imported_on,
       coalesce(coach_may($2::uuid, $3::user_role, 'imports', 'read', s.subject_id,
                          s.subject_role, s.subject_team_leader_id, s.subject_manager_id,
                          s.subject_team_leaders_manager_id, s.subject_deleted),
                false) AS visible
  FROM import_logs l
  LEFT JOIN user_subjects s ON s.subject_id = l.imported_by
 WHERE l.file_hash = $1 AND l.status IN ('SUCCESS', 'PARTIAL_SUCCESS') AND NOT l.dry_run
 ORDER BY l.created_at DESC
 LIMIT 1
