-- A new import's id, and its lock (class $1, db::locks::kImportRun) for as long as its
-- transaction lives (start-up recovery fails only the imports no transaction holds).
SELECT id, pg_advisory_xact_lock($1::int, hashtext(id))::text AS locked
  FROM (SELECT gen_random_uuid()::text AS id) g
