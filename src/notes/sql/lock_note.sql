-- find_note, locking the note until the transaction ends (docs/architecture.md, "Check and
-- write").
SELECT qn.id::text AS note_id, quick_note_json(qn)::text AS json, qn.addressed, s.*
  FROM quick_notes qn
  JOIN user_subjects s ON s.subject_id = qn.agent_id
 WHERE qn.id = $1::uuid
   FOR UPDATE OF qn
