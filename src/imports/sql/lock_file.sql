-- locked: whether this transaction took the lock of the file whose SHA-256 is $1 (class $2,
-- db::locks::kImportFile): one import of a file at once.
SELECT pg_try_advisory_xact_lock($2::int, hashtext($1)) AS locked
