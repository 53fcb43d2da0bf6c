-- The landed migrations (version, checksum), by name: what `coach migrate` and /readyz compare
-- with the migrations this binary embeds.
SELECT version, checksum FROM schema_migrations ORDER BY version
