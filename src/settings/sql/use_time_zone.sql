-- Runs the rest of the transaction with TimeZone $1 (a zone known_time_zone.sql accepted), so
-- that save_time_zone.sql writes its timestamps at the new zone's offset, as this server does
-- from then on. One row: time_zone.
SELECT set_config('TimeZone', $1::text, true) AS time_zone
