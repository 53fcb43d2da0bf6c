-- A team leader's dashboard: $1 team leader, $2 viewer, $3 the viewer's role. One row per
-- live, non-terminated agent of that team leader (one row with NULL card columns when there
-- is none); no row unless $1 is a TEAM_LEADER whose team the viewer may read (resource
-- 'teams', docs/architecture.md "Permissions"). The subject is the team leader's own row:
-- user_subjects' extra column (the manager of an agent's team leader) is NULL for a team
-- leader, and joining the view cost the prefetched form 20 - 40 % of its throughput
-- (bench/RESULTS.md, issue 14's before/after).
-- Columns: team_leader_id, team_leader_name, as_of (coach_today()), then the card columns of
-- team_cards() (migration 0018; dashboards::CardColumns reads them by name).
SELECT tl.id AS team_leader_id, tl.name AS team_leader_name, coach_today() AS as_of, c.*
  FROM users tl
  LEFT JOIN LATERAL team_cards(tl.id) c ON true
 WHERE tl.id = $1::uuid
   AND tl.role = 'TEAM_LEADER'
   AND coach_may($2::uuid, $3::user_role, 'teams', 'read', tl.id, tl.role,
               tl.team_leader_id, tl.manager_id,
               NULL, tl.deleted_at IS NOT NULL)
