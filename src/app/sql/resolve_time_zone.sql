-- The organisation's time zone (the setting 'timezone', else the fallback $1, else UTC), one
-- row: timezone (its name), utc_offset (its offset to UTC now, in seconds).
SELECT tz AS timezone,
       extract(epoch FROM (now() AT TIME ZONE tz) - (now() AT TIME ZONE 'UTC'))::int AS utc_offset
  FROM job_timezone($1) AS tz
