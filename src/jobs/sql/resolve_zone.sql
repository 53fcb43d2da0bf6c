-- The organisation's time zone (the setting 'timezone', else the fallback $1, else UTC) and
-- its today at $2 (timestamptz; NULL = coach_now()), YYYY-MM-DD: columns timezone, today.
SELECT tz AS timezone,
       (coalesce($2::timestamptz, coach_now()) AT TIME ZONE tz)::date::text AS today
  FROM job_timezone($1) AS tz
