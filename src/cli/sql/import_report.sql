-- Import $1's outcome: status, error_summary ('' when none), error_details (JSON array).
SELECT status, coalesce(error_summary, '') AS error_summary,
       coalesce(error_details, '[]'::jsonb)::text AS error_details
  FROM import_logs WHERE id = $1::uuid
