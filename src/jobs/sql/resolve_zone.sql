-- The organisation's time zone (the setting 'timezone', else the fallback $1, else UTC) and
-- its today (YYYY-MM-DD): columns timezone, today.
SELECT tz AS timezone, (now() AT TIME ZONE tz)::date::text AS today FROM job_timezone($1) AS tz
