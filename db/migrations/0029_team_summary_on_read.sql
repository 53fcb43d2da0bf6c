-- The team performance summary is computed on read (issue 15, step 3; docs/domain.md, "Team
-- performance summary"). The materialized view was rebuilt only by the 01:30 job, so after a
-- metrics write, an import, a user move, a plan or a session it was wrong for up to a day, and
-- its sessions_last_week ("up to now()") drifted as time passed. Each figure is per team and
-- indexed (users(team_leader_id), performance_metrics(agent_id, metric_date),
-- action_plans(agent_id) WHERE running, coaching_sessions(team_leader_id, scheduled_date)), so
-- GET /team-performance-summary now calls team_summary_of for the page's team leaders.

-- 1 -------------------------------------------------------------------------------------------
-- The figures of team leader p_team_leader's team now: 0001's four laterals, unchanged but for
-- the clock (0027): yesterday is coach_today() - 1 and the sessions' week ends at coach_now().
-- Always one row (aggregates without GROUP BY); it does not check that p_team_leader is a live
-- team leader, the callers choose the leaders. as_of: the organisation's day the figures are for.
-- Plain SQL, STABLE, not STRICT, returning a set: PostgreSQL inlines it into the caller's
-- query, so each lateral is planned with the leader's id as an index key.
CREATE FUNCTION team_summary_of(p_team_leader uuid)
RETURNS TABLE (agent_count bigint, active_pips bigint, avg_team_score numeric,
               avg_service_score numeric, avg_quality_score numeric, sessions_last_week bigint,
               as_of date)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT agents.agent_count, pips.active_pips, metrics.avg_team_score, metrics.avg_service_score,
       metrics.avg_quality_score, sessions.sessions_last_week, coach_today()
FROM (
    SELECT count(*) AS agent_count
    FROM users a
    WHERE a.team_leader_id = p_team_leader
      AND a.role = 'AGENT'
      AND a.deleted_at IS NULL
      AND a.status <> 'TERMINATED'
) agents
CROSS JOIN (
    SELECT count(*) AS active_pips
    FROM users a
    JOIN action_plans ap ON ap.agent_id = a.id
    WHERE a.team_leader_id = p_team_leader
      AND a.role = 'AGENT'
      AND a.deleted_at IS NULL
      AND a.status <> 'TERMINATED'
      AND ap.status IN ('ACTIVE', 'EXTENDED')
) pips
CROSS JOIN (
    SELECT avg(pm.composite_score) AS avg_team_score,
           avg(pm.service_score)   AS avg_service_score,
           avg(pm.quality_score)   AS avg_quality_score
    FROM users a
    -- One row per agent, looked up by (agent_id, metric_date), the unique key. OFFSET 0 keeps
    -- it a per-agent lookup: as a plain join the planner hashed the team against every
    -- agent's row of the day (idx_metrics_date), a cost per team that grows with the whole
    -- organisation (5,000 agents: 2.4 times slower for a page of 50 teams, bench/RESULTS.md).
    CROSS JOIN LATERAL (
        SELECT m.composite_score, m.service_score, m.quality_score
        FROM performance_metrics m
        WHERE m.agent_id = a.id
          AND m.metric_date = coach_today() - 1
        OFFSET 0
    ) pm
    WHERE a.team_leader_id = p_team_leader
      AND a.role = 'AGENT'
      AND a.deleted_at IS NULL
      AND a.status <> 'TERMINATED'
) metrics
CROSS JOIN (
    SELECT count(*) AS sessions_last_week
    FROM coaching_sessions cs
    WHERE cs.team_leader_id = p_team_leader
      AND cs.scheduled_date >= coach_now() - INTERVAL '7 days'
      AND cs.scheduled_date <= coach_now()
      AND cs.status <> 'CANCELLED'
) sessions
$$;

-- 2 -------------------------------------------------------------------------------------------
-- The view stays, with the same columns and unique index, for what still reads it: the
-- team_summary job (REFRESH ... CONCURRENTLY), the demo loader and tests. Its rows are
-- team_summary_of's at the refresh; calculated_date is that as_of. The API no longer reads it.
DROP MATERIALIZED VIEW team_performance_summary;
CREATE MATERIALIZED VIEW team_performance_summary AS
SELECT
    tl.id                 AS team_leader_id,
    tl.name               AS team_leader_name,
    s.agent_count         AS agent_count,
    s.active_pips         AS active_pips,
    s.avg_team_score      AS avg_team_score,
    s.avg_service_score   AS avg_service_score,
    s.avg_quality_score   AS avg_quality_score,
    s.sessions_last_week  AS sessions_last_week,
    s.as_of               AS calculated_date
FROM users tl
CROSS JOIN LATERAL team_summary_of(tl.id) s
WHERE tl.role = 'TEAM_LEADER'
  AND tl.deleted_at IS NULL
  AND tl.status <> 'TERMINATED';

CREATE UNIQUE INDEX idx_team_summary_leader ON team_performance_summary (team_leader_id);
