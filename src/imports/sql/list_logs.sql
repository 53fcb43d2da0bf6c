-- The import logs viewer $1 (reach $2, auth::list_reach) may read (their importer is the target,
-- resource 'imports'), newest first: json (import_log_json), created_at and id (the cursor).
-- Filters: $3 status, $4 type; $5/$6 the cursor (created_at, id); $7 the limit.
SELECT import_log_json(l)::text AS json,
       (l.created_at AT TIME ZONE 'UTC')::text || '+00' AS created_at, l.id::text AS id
  FROM import_logs l
  JOIN users u ON u.id = l.imported_by
 WHERE {{auth/reaches(u)}}
   AND ($3::import_status IS NULL OR l.status = $3::import_status)
   AND ($4::import_type IS NULL OR l.import_type = $4::import_type)
   AND ($5::timestamptz IS NULL OR (l.created_at, l.id) < ($5::timestamptz, $6::uuid))
 ORDER BY l.created_at DESC, l.id DESC
 LIMIT $7
