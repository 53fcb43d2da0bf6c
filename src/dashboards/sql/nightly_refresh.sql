-- The nightly refresh of every dashboard snapshot and coaching fact as of $1 (a date; NULL:
-- coach_today()). refreshed: the number of snapshots written.
SELECT refresh_dashboards(coalesce($1::date, coach_today())) AS refreshed
