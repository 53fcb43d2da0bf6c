-- The performance_history row $1: json (every column) and its agent's user_subjects columns;
-- no row when there is none.
SELECT row_to_json(h)::text AS json, s.*
  FROM performance_history h
  JOIN user_subjects s ON s.subject_id = h.agent_id
 WHERE h.id = $1::uuid
