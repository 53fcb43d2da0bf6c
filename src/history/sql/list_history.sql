-- The performance_history rows whose agent's metrics viewer $1 (reach $2, auth::list_reach) may
-- read, latest period_ending first: filters $3 agent, $4 period type, $5/$6 period_ending from/to
-- (inclusive); $7/$8 the cursor (period_ending, id); $9 the limit.
SELECT {{history/history_json(h)}}::text AS json, h.period_ending::text AS period_ending,
       h.id::text AS id
  FROM performance_history h
  JOIN users u ON u.id = h.agent_id
 WHERE {{auth/reaches(u)}}
   AND ($3::uuid IS NULL OR h.agent_id = $3::uuid)
   AND ($4::period_type IS NULL OR h.period_type = $4::period_type)
   AND {{metrics/in_date_range(h.period_ending, $5::date, $6::date)}}
   AND ($7::date IS NULL OR (h.period_ending, h.id) < ($7::date, $8::uuid))
 ORDER BY h.period_ending DESC, h.id DESC
 LIMIT $9
