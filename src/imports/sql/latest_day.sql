-- day: the latest calendar date anywhere on Earth (UTC+14). A day that has begun somewhere is
-- not in the future for the contact center that worked it: no row of an import may be later.
SELECT (coach_now() AT TIME ZONE 'Etc/GMT-14')::date::text AS day
