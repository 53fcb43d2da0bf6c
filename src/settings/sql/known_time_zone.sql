-- Whether $1 names a time zone PostgreSQL knows (pg_timezone_names, as job_timezone() requires
-- of the setting: not a POSIX offset such as '5'), one row: known.
SELECT EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = $1::text) AS known
