-- Serializes concurrent `coach migrate` runs (several instances starting together): a session
-- lock, $1 db::locks::kMigrate, released by unlock_migrations.sql.
SELECT pg_advisory_lock(hashtext($1))
