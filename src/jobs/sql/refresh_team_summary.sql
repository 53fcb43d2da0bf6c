-- CONCURRENTLY (readers are never blocked) needs the view's unique index; it may run inside
-- a transaction block.
REFRESH MATERIALIZED VIEW CONCURRENTLY team_performance_summary
