-- A new note about agent $1 (team leader $2) written by $3: the JSON object $4 holds its other
-- columns (notes::NoteInput's whitelist; priority always set); $5 the create's Idempotency-Key
-- (NULL: none). A key the writer used before inserts nothing and returns no row.
INSERT INTO quick_notes (agent_id, team_leader_id, created_by, idempotency_key, note_type,
                         category, subcategory, content, call_id, customer_id,
                         timestamp_occurred, priority, requires_follow_up, linked_session_id)
SELECT $1::uuid, $2::uuid, $3::uuid, $5, r.note_type, r.category, r.subcategory, r.content,
       r.call_id, r.customer_id, coalesce(r.timestamp_occurred, now()), r.priority,
       coalesce(r.requires_follow_up, false), r.linked_session_id
  FROM jsonb_populate_record(NULL::quick_notes, $4::jsonb) r
    ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
RETURNING id::text AS id
