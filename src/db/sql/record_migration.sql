-- Migration $1 landed with checksum $2 (in the transaction that applied it).
INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)
