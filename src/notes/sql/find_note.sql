-- Note $1 as the API shows it (json: quick_note_json, migration 0023), whether it is
-- addressed, and its agent as the subject of permission checks (user_subjects).
SELECT qn.id::text AS note_id, quick_note_json(qn)::text AS json, qn.addressed, s.*
  FROM quick_notes qn
  JOIN user_subjects s ON s.subject_id = qn.agent_id
 WHERE qn.id = $1::uuid
