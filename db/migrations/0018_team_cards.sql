-- The dashboard cards of a team leader's agents, in one place: the team dashboard (and its
-- prefetched form) and the manager's home read them (docs/domain.md, "Dashboard snapshot and
-- coaching facts"). One row per live, non-terminated AGENT of p_team_leader: the snapshot's
-- figures (card, level, trend, declining metrics) and the coaching facts (days since coaching,
-- never negative and NULL when never coached; unaddressed high-priority notes; overdue action
-- items: those counted when the facts were computed, plus the open ones whose due date has
-- passed since, open_due_dates being sorted; active PIP).
-- Plain SQL, STABLE, one SELECT: PostgreSQL inlines it into the calling query like a LATERAL
-- subquery. Snapshot and facts are read by primary key; OFFSET 0 keeps each one index probe
-- per agent, where the planner may otherwise hash-join the whole facts table
-- (bench/RESULTS.md, "Why the code is as it is").
CREATE FUNCTION team_cards(p_team_leader uuid)
RETURNS TABLE (agent_id uuid, name varchar, employee_id varchar, status user_status, card text,
               performance_level performance_level, avg30_composite_score numeric,
               composite_trend metric_trend, declining_metrics text[],
               last_coaching_at timestamptz, days_since_last_coaching integer,
               unaddressed_high_notes integer, overdue_action_items integer,
               active_pip boolean)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT a.id, a.name, a.employee_id, a.status,
       s.card, s.performance_level,
       s.avg30_composite_score, s.composite_trend, s.declining_metrics,
       f.last_coaching_at,
       CASE WHEN f.last_coaching_at IS NOT NULL
            THEN greatest(0, CURRENT_DATE - f.last_coaching_at::date) END,
       coalesce(f.unaddressed_high_notes, 0),
       coalesce(f.overdue_action_items + width_bucket(CURRENT_DATE - 1, f.open_due_dates), 0),
       coalesce(f.active_pip, false)
  FROM users a
  LEFT JOIN LATERAL (
      SELECT s.card, s.performance_level,
             s.avg30_composite_score, s.composite_trend, s.declining_metrics
        FROM agent_dashboard_snapshot s
       WHERE s.agent_id = a.id
      OFFSET 0) s ON true
  LEFT JOIN LATERAL (
      SELECT f.last_coaching_at, f.unaddressed_high_notes, f.overdue_action_items,
             f.open_due_dates, f.active_pip
        FROM agent_coaching_facts f
       WHERE f.agent_id = a.id
      OFFSET 0) f ON true
 WHERE a.team_leader_id = p_team_leader
   AND a.role = 'AGENT'
   AND a.deleted_at IS NULL
   AND a.status <> 'TERMINATED'
$$;
