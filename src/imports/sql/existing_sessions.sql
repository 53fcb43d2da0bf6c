-- How many sessions exist for each (agent $1[i], coach $2[i], scheduled_date $3[i]) of a
-- COACHING_HISTORY file: scheduled_epoch (seconds), sessions, and the status (of the only one;
-- with several, the first by label: the row is refused anyway).
SELECT k.agent_id, k.team_leader_id,
       extract(epoch FROM k.scheduled_date)::bigint AS scheduled_epoch, count(cs.id) AS sessions,
       min(cs.status::text) AS status
  FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS k (agent_id, team_leader_id,
                                                                scheduled_date)
  JOIN coaching_sessions cs USING (agent_id, team_leader_id, scheduled_date)
 GROUP BY 1, 2, 3
