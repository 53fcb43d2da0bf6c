-- A new import's log: $1 id, $2 file name, $3 size in bytes, $4 SHA-256, $5 type, $6 importer,
-- $7 mode, $8 dry run, $9 where the file is stored, $10 the status (VALIDATING).
INSERT INTO import_logs (id, file_name, file_size_bytes, file_hash, import_type, imported_by,
                         total_rows, processed_rows, status, mode, dry_run, file_storage_path)
VALUES ($1::uuid, $2, $3::bigint, $4, $5::import_type, $6::uuid, 0, 0, $10::import_status, $7,
        $8::boolean, $9)
