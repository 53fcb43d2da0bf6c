-- Releases lock_migrations.sql's lock ($1 db::locks::kMigrate).
SELECT pg_advisory_unlock(hashtext($1))
