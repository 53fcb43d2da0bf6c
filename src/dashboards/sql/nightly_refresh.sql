-- The nightly refresh of every dashboard snapshot and coaching fact as of $1 (a date; NULL:
-- CURRENT_DATE). refreshed: the number of snapshots written.
SELECT refresh_dashboards($1::date) AS refreshed
