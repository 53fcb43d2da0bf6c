-- Loads the demo organisation for seed $1 with password hash $2 (create_loader.sql).
SELECT pg_temp.coach_load_demo($1::int, $2)
