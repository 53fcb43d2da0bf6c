-- Takes the write lock of setting $2 (its key; class $1, db::locks::kSetting) until the
-- transaction ends: two writes of one setting, whose row may not exist yet, run one after the
-- other. No columns.
SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))
