-- The organisation's settings as the database resolves them, one row: json as
-- find_settings.sql writes it, its time_zone the zone job_timezone() resolves (the setting
-- 'timezone', else the fallback $1, i.e. COACH_TIMEZONE, else UTC): the before of a change,
-- read under the setting's lock.
SELECT json_build_object('time_zone', tz, 'updated_at', utc_json(s.updated_at),
                         'updated_by', s.updated_by)::text AS json
  FROM job_timezone($1) AS tz
  LEFT JOIN settings s ON s.key = 'timezone'
