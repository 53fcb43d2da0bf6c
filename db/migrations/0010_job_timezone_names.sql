-- FIX (0004): job_timezone() accepted any string PostgreSQL can read as a time zone, which
-- includes POSIX offsets: a setting of 5 ran the jobs at UTC-5, and a JSON object such as
-- {"a":1} also passed. Only a zone name PostgreSQL knows (pg_timezone_names, e.g.
-- "Europe/Berlin", "UTC") is accepted now; anything else falls back as before. The view reads
-- the zone database (a few milliseconds), which is fine for the jobs, its only callers.
CREATE OR REPLACE FUNCTION job_timezone(p_fallback text DEFAULT 'UTC')
RETURNS text
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    candidate text;
BEGIN
    FOREACH candidate IN ARRAY ARRAY[
        (SELECT s.value #>> '{}' FROM settings s WHERE s.key = 'timezone'),
        p_fallback]
    LOOP
        CONTINUE WHEN candidate IS NULL
                   OR NOT EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = candidate);
        RETURN candidate;
    END LOOP;
    RETURN 'UTC';
END;
$$;
