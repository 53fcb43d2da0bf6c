-- One part of one period type of refresh_performance_history_for_days (migration 0014): $1 the
-- period type, $2/$3 the days from/to, $4 the agents (uuid[]; NULL: every agent), $5 the part,
-- $6 the number of parts. changed: the rows inserted, updated or deleted.
SELECT refresh_performance_history_type_for_days($1::period_type, $2::date, $3::date,
                                                 $4::uuid[], $5::int, $6::int) AS changed
