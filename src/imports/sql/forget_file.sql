-- The stored file of import $1 is gone (a dry run's, or a refused file's).
UPDATE import_logs SET file_storage_path = NULL WHERE id = $1::uuid
