-- A new note about agent $1 (team leader $2) written by $3: the JSON object $4 holds its other
-- columns (notes::NoteInput's whitelist; priority always set); $5 the create's Idempotency-Key
-- (NULL: none). A key the writer used before inserts nothing and returns no row. Returns the
-- note as find_note.sql does (the row as written, with its trigger-set deadline).
WITH n AS (
    INSERT INTO quick_notes AS q (agent_id, team_leader_id, created_by, idempotency_key, note_type,
                                  category, subcategory, content, call_id, customer_id,
                                  timestamp_occurred, priority, requires_follow_up,
                                  linked_session_id)
    SELECT $1::uuid, $2::uuid, $3::uuid, $5, r.note_type, r.category, r.subcategory, r.content,
           r.call_id, r.customer_id, coalesce(r.timestamp_occurred, now()), r.priority,
           coalesce(r.requires_follow_up, false), r.linked_session_id
      FROM jsonb_populate_record(NULL::quick_notes, $4::jsonb) r
        ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING q AS note
)
SELECT (n.note).id::text AS note_id, quick_note_json(n.note)::text AS json,
       (n.note).addressed, s.*
  FROM n
  JOIN user_subjects s ON s.subject_id = (n.note).agent_id
