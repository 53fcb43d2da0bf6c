-- The team summary of the live, non-terminated team leaders whose team the viewer $1 (reach $2,
-- auth::list_reach) may read, by name then id, after the cursor $3/$4 (name, id); $5 the limit.
-- json: the row's JSON object. The figures are computed now (team_summary_of, migration 0029)
-- for the page's leaders only: the leaders are paged first, in a subquery the LIMIT keeps
-- apart, then each one's figures are joined. as_of is the organisation's day they are for;
-- calculated_date, its older name, has the same value.
SELECT json_build_object(
           'team_leader_id', t.id,
           'team_leader_name', t.name,
           'manager_id', t.manager_id,
           'agent_count', s.agent_count,
           'active_pips', s.active_pips,
           'avg_team_score', round(s.avg_team_score, 2),
           'avg_service_score', round(s.avg_service_score, 2),
           'avg_quality_score', round(s.avg_quality_score, 2),
           'sessions_last_week', s.sessions_last_week,
           'as_of', s.as_of,
           'calculated_date', s.as_of)::text AS json,
       t.name AS team_leader_name, t.id AS team_leader_id
  FROM (SELECT tl.id, tl.name, tl.manager_id
          FROM users tl
         WHERE tl.role = 'TEAM_LEADER'
           AND tl.deleted_at IS NULL
           AND tl.status <> 'TERMINATED'
           AND {{auth/reaches(tl)}}
           AND ($3::text IS NULL OR (tl.name::text, tl.id) > ($3::text, $4::uuid))
         ORDER BY tl.name, tl.id
         LIMIT $5
        OFFSET 0) t
  LEFT JOIN LATERAL team_summary_of(t.id) s ON true
 ORDER BY t.name, t.id
