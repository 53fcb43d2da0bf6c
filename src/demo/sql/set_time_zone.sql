-- The transaction's TimeZone: the organisation's (job_timezone: the setting, else the fallback
-- $1, else UTC), so that coach_today() in the preps is the organisation's day, as in a request.
SELECT set_config('TimeZone', job_timezone($1), true)
