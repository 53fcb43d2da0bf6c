-- team_dashboard.sql sent with the session lookup in one round trip (http::Prefetch): the
-- viewer is the caller of the session whose token hash is $1 (idle limit $2 seconds), $3 the
-- team leader. No row when that session is not live. The subject: as team_dashboard.sql.
-- Columns as team_dashboard.sql.
WITH viewer AS (SELECT user_id AS id, role FROM live_session($1::bytea, $2::int))
SELECT tl.id AS team_leader_id, tl.name AS team_leader_name, coach_today() AS as_of, c.*
  FROM viewer v
  CROSS JOIN users tl
  LEFT JOIN LATERAL team_cards(tl.id) c ON true
 WHERE tl.id = $3::uuid
   AND tl.role = 'TEAM_LEADER'
   AND coach_may(v.id, v.role, 'teams', 'read', tl.id, tl.role,
               tl.team_leader_id, tl.manager_id,
               NULL, tl.deleted_at IS NOT NULL)
