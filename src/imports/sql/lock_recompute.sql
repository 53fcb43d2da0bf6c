-- Session lock ($1 = db::locks::kImportRecompute, hashtext of import $2's id) while its recompute
-- runs: the sweep skips an import whose recompute runs elsewhere. locked: whether it was free.
SELECT pg_try_advisory_lock($1::int, hashtext($2::text)) AS locked
