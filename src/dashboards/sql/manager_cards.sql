-- A MANAGER's home: the cards of every live, non-terminated team leader whose manager is $1
-- (the caller's own teams), grouped by team (name, id). One row per agent of each team (one
-- row with NULL card columns for a team without agents).
-- Columns as team_dashboard.sql.
SELECT tl.id AS team_leader_id, tl.name AS team_leader_name, coach_today() AS as_of, c.*
  FROM users tl
  LEFT JOIN LATERAL team_cards(tl.id) c ON true
 WHERE tl.manager_id = $1::uuid
   AND tl.role = 'TEAM_LEADER'
   AND tl.deleted_at IS NULL
   AND tl.status <> 'TERMINATED'
 ORDER BY tl.name, tl.id
