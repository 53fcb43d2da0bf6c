-- teams: the rows of team_performance_summary.
SELECT count(*) AS teams FROM team_performance_summary
