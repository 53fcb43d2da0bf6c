-- The public JSON of an import log, in one place: the imports list and the single log (which
-- adds error_details and warnings) both select it. file_storage_path is a server path: never
-- shown.
CREATE FUNCTION import_log_json(l import_logs) RETURNS json
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT json_build_object(
    'id', l.id, 'file_name', l.file_name, 'file_size_bytes', l.file_size_bytes,
    'file_hash', l.file_hash, 'import_type', l.import_type, 'imported_by', l.imported_by,
    'mode', l.mode, 'dry_run', l.dry_run, 'status', l.status,
    'total_rows', l.total_rows, 'processed_rows', l.processed_rows,
    'successful_rows', l.successful_rows, 'inserted_rows', l.inserted_rows,
    'updated_rows', l.updated_rows, 'skipped_rows', l.skipped_rows,
    'failed_rows', l.failed_rows, 'started_at', l.started_at, 'completed_at', l.completed_at,
    'processing_time_seconds', l.processing_time_seconds, 'error_summary', l.error_summary,
    'rollback_available', l.rollback_available,
    'rollback_executed_at', l.rollback_executed_at,
    'rollback_executed_by', l.rollback_executed_by,
    'created_at', l.created_at, 'updated_at', l.updated_at)
$$;
