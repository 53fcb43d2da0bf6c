-- The performance_history row $1: json (every column, history/history_json) and its agent's
-- user_subjects columns; no row when there is none.
SELECT {{history/history_json(h)}}::text AS json, s.*
  FROM performance_history h
  JOIN user_subjects s ON s.subject_id = h.agent_id
 WHERE h.id = $1::uuid
