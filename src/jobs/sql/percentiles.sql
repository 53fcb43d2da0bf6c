-- Writes agent_profiles.percentile_ranking from the averages of the 30 days ending on $1
-- (date): metric_date in [$1 - 29, $1]. Rows: the profiles whose ranking changed.
-- DECISION: percent_rank, not cume_dist: the ranking is "better than this share of the other
-- active agents" ((rank - 1) / (n - 1)): the lowest average is 0, the highest 100, ties share
-- the lower rank, and a lone agent gets 0. Values are whole percents (rounded half away from
-- zero). The population is every active agent (role AGENT, status ACTIVE or PIP, not
-- deleted), opted in or not; a score an agent has no data for in the window is left out of
-- that score's ranking and is null. Opted-out agents, inactive agents and agents without any
-- data in the window get NULL. Rows whose ranking is unchanged are not written.
WITH active AS (
    SELECT u.id
      FROM users u
     WHERE u.role = 'AGENT' AND u.deleted_at IS NULL AND u.status IN ('ACTIVE', 'PIP')
), averages AS (
    SELECT a.id AS agent_id,
           avg(m.service_score)      AS service,
           avg(m.productivity_score) AS productivity,
           avg(m.quality_score)      AS quality,
           avg(m.attendance_rate)    AS attendance,
           avg(m.adherence_score)    AS adherence,
           avg(m.composite_score)    AS composite
      FROM active a
      LEFT JOIN performance_metrics m
             ON m.agent_id = a.id AND m.metric_date BETWEEN $1::date - 29 AND $1::date
     GROUP BY a.id
), scores AS (
    SELECT a.agent_id, s.name, s.value
      FROM averages a
     CROSS JOIN LATERAL (VALUES ('service', a.service), ('productivity', a.productivity),
                                ('quality', a.quality), ('attendance', a.attendance),
                                ('adherence', a.adherence), ('composite', a.composite))
           AS s(name, value)
), ranked AS (
    SELECT agent_id, name,
           CASE WHEN value IS NOT NULL
                THEN round((100 * percent_rank() OVER (PARTITION BY name, value IS NULL
                                                       ORDER BY value))::numeric)::int
           END AS percentile
      FROM scores
), rankings AS (
    SELECT p.agent_id,
           CASE WHEN p.peer_comparison_opt_in AND count(r.percentile) > 0
                THEN jsonb_object_agg(r.name, r.percentile) FILTER (WHERE r.name IS NOT NULL)
           END AS ranking
      FROM agent_profiles p
      LEFT JOIN ranked r ON r.agent_id = p.agent_id
     GROUP BY p.agent_id
)
UPDATE agent_profiles p
   SET percentile_ranking = x.ranking
  FROM rankings x
 WHERE x.agent_id = p.agent_id
   AND p.percentile_ranking IS DISTINCT FROM x.ranking
