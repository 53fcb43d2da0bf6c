-- Import log $1 as JSON (import_log_json, with error_details and warnings) when viewer $2
-- (role $3) may read it: its importer is the target (resource 'imports'). No row otherwise.
SELECT (import_log_json(l)::jsonb
        || jsonb_build_object('error_details', coalesce(l.error_details, '[]'::jsonb),
                              'warnings', coalesce(l.warnings, '[]'::jsonb)))::text AS json
  FROM import_logs l
  JOIN user_subjects s ON s.subject_id = l.imported_by
 WHERE l.id = $1::uuid
   AND coach_may($2::uuid, $3::user_role, 'imports', 'read', s.subject_id, s.subject_role,
                 s.subject_team_leader_id, s.subject_manager_id,
                 s.subject_team_leaders_manager_id, s.subject_deleted)
