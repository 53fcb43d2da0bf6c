-- Sets the organisation's time zone, the setting 'timezone', to $1 (a name known_time_zone.sql
-- accepted) as user $2. One row: id (the settings row) and json (as find_settings.sql writes
-- the settings, the zone being the one just set).
INSERT INTO settings AS s (key, value, updated_by)
VALUES ('timezone', to_jsonb($1::text), $2::uuid)
    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by
RETURNING s.id::text AS id,
          json_build_object('time_zone', s.value #>> '{}', 'updated_at', utc_json(s.updated_at),
                            'updated_by', s.updated_by)::text AS json
