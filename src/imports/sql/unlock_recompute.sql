-- Lets lock_recompute.sql's session lock ($1, hashtext($2)) go.
SELECT pg_advisory_unlock($1::int, hashtext($2::text)) AS unlocked
