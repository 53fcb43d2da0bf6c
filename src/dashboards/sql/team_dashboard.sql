-- A team leader's dashboard: $1 team leader, $2 viewer, $3 the viewer's role. One row per
-- live, non-terminated agent of that team leader (one row with NULL card columns when there
-- is none); no row unless $1 is a TEAM_LEADER whose team the viewer may read (resource
-- 'teams', docs/architecture.md "Permissions").
-- Columns: team_leader_id, team_leader_name, as_of (CURRENT_DATE), then the card columns
-- (dashboards::CardColumns): agent_id, name, employee_id, status, card (the snapshot's
-- figures as JSON object members), performance_level, avg30_composite_score, composite_trend,
-- declining_metrics, last_coaching_at, days_since_last_coaching (never negative; NULL when
-- never coached), unaddressed_high_notes, overdue_action_items (those counted when the facts
-- were computed, plus the open ones whose due date has passed since: open_due_dates is
-- sorted), active_pip.
-- The cards (the LATERAL join c) are the same text in team_dashboard.sql,
-- team_dashboard_prefetch.sql and manager_cards.sql (tests/unit/dashboards_sql_test.cpp).
-- Snapshot and coaching facts are read by primary key; OFFSET 0 keeps each one index probe per
-- agent, where the planner may otherwise hash-join the whole facts table (bench/RESULTS.md,
-- "Why the code is as it is").
SELECT tl.id AS team_leader_id, tl.name AS team_leader_name, CURRENT_DATE AS as_of, c.*
  FROM users tl
  JOIN user_subjects ts ON ts.subject_id = tl.id
  LEFT JOIN LATERAL (
      SELECT a.id AS agent_id, a.name, a.employee_id, a.status,
             s.card, s.performance_level,
             s.avg30_composite_score, s.composite_trend, s.declining_metrics,
             f.last_coaching_at,
             CASE WHEN f.last_coaching_at IS NOT NULL
                  THEN greatest(0, CURRENT_DATE - f.last_coaching_at::date) END
                 AS days_since_last_coaching,
             coalesce(f.unaddressed_high_notes, 0) AS unaddressed_high_notes,
             coalesce(f.overdue_action_items
                      + width_bucket(CURRENT_DATE - 1, f.open_due_dates), 0)
                 AS overdue_action_items,
             coalesce(f.active_pip, false) AS active_pip
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
       WHERE a.team_leader_id = tl.id
         AND a.role = 'AGENT'
         AND a.deleted_at IS NULL
         AND a.status <> 'TERMINATED'
  ) c ON true
 WHERE tl.id = $1::uuid
   AND tl.role = 'TEAM_LEADER'
   AND coach_may($2::uuid, $3::user_role, 'teams', 'read', ts.subject_id, ts.subject_role,
               ts.subject_team_leader_id, ts.subject_manager_id,
               ts.subject_team_leaders_manager_id, ts.subject_deleted)
