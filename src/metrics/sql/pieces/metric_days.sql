-- Every day of metrics, as a subquery with performance_metrics' columns: the live rows, and
-- the archived ones for days no longer live (docs/domain.md, "Retention and the archive"). The
-- caller's filters on the agent and the dates reach into both branches and their indexes. Not
-- for a scope of many agents: the correlations filter each branch themselves (bench/RESULTS.md,
-- "Why the code is as it is").
(SELECT * FROM performance_metrics
  UNION ALL
 SELECT a.*
   FROM performance_metrics_archive a
  WHERE NOT EXISTS (SELECT 1 FROM performance_metrics l
                     WHERE l.agent_id = a.agent_id AND l.metric_date = a.metric_date))
