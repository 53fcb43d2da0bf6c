-- Sessions still to happen (SCHEDULED, IN_PROGRESS) of team leader $1 or agent $2 that may
-- overlap [$3, $3 + $4 minutes), other than session $5 (NULL: none): those starting within
-- the longest planned length (480 minutes) before it. sessions::overlaps decides which do.
SELECT cs.id::text AS id, extract(epoch FROM cs.scheduled_date)::bigint AS start_epoch,
       cs.planned_minutes, extract(epoch FROM $3::timestamptz)::bigint AS new_start_epoch,
       cs.team_leader_id = $1::uuid AS same_leader, cs.agent_id = $2::uuid AS same_agent,
       cs.agent_id::text AS agent_id, a.name AS agent_name,
       utc_json(cs.scheduled_date) AS at
  FROM coaching_sessions cs
  JOIN users a ON a.id = cs.agent_id
 WHERE (cs.team_leader_id = $1::uuid OR cs.agent_id = $2::uuid)
   AND cs.status IN ('SCHEDULED', 'IN_PROGRESS')
   AND cs.scheduled_date > $3::timestamptz - interval '480 minutes'
   AND cs.scheduled_date < $3::timestamptz + make_interval(mins => $4::int)
   AND ($5::uuid IS NULL OR cs.id <> $5::uuid)
 ORDER BY cs.scheduled_date
