-- team_dashboard.sql sent with the session lookup in one round trip (http::Prefetch): the
-- viewer is the caller of the session whose token hash is $1 (idle limit $2 seconds), $3 the
-- team leader. No row when that session is not live.
-- Columns as team_dashboard.sql.
-- The cards (the LATERAL join c) are the same text in team_dashboard.sql,
-- team_dashboard_prefetch.sql and manager_cards.sql (tests/unit/dashboards_sql_test.cpp).
WITH viewer AS (SELECT user_id AS id, role FROM live_session($1::bytea, $2::int))
SELECT tl.id AS team_leader_id, tl.name AS team_leader_name, CURRENT_DATE AS as_of, c.*
  FROM viewer v
  CROSS JOIN users tl
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
 WHERE tl.id = $3::uuid
   AND tl.role = 'TEAM_LEADER'
   AND coach_may(v.id, v.role, 'teams', 'read', ts.subject_id, ts.subject_role,
               ts.subject_team_leader_id, ts.subject_manager_id,
               ts.subject_team_leaders_manager_id, ts.subject_deleted)
