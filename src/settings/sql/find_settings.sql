-- The organisation's settings as GET /api/v1/settings writes them, one row: json with
-- time_zone $1, the zone this server runs in (OrgTimeZone, which app/time_zone_watch keeps to
-- job_timezone(); not job_timezone() itself, which reads the whole pg_timezone_names:
-- bench/RESULTS.md, "Why the code is as it is"), and updated_at / updated_by of the setting
-- (null: never written).
SELECT json_build_object('time_zone', $1::text, 'updated_at', utc_json(s.updated_at),
                         'updated_by', s.updated_by)::text AS json
  FROM (VALUES (1)) AS one (n)
  LEFT JOIN settings s ON s.key = 'timezone'
