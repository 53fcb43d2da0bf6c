-- The note writer $1 created with Idempotency-Key $2 (a retried create), as find_note.
SELECT qn.id::text AS note_id, quick_note_json(qn)::text AS json, qn.addressed, s.*,
       qn.agent_id::text AS agent_id
  FROM quick_notes qn
  JOIN user_subjects s ON s.subject_id = qn.agent_id
 WHERE qn.created_by = $1::uuid AND qn.idempotency_key = $2
