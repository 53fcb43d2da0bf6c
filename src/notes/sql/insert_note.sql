-- A new note about agent $1 written by $2: the JSON object $3 holds its other columns
-- (notes::NoteInput's whitelist; priority always set); $4 the create's Idempotency-Key (NULL:
-- none); its team leader is the agent's. Returns the note as find_note.sql does (the row as
-- written, with its trigger-set deadline), or no row: when the writer used the key before, and
-- instead of an error when $1 is no agent with a team leader or the linked session is none of
-- the agent's (the route, which sent this in one pipeline with those checks, answers them).
-- (A CASE: an optional filter written with OR would leave it unprepared, db::should_prepare.)
WITH n AS (
    INSERT INTO quick_notes AS q (agent_id, team_leader_id, created_by, idempotency_key,
                                  note_type, category, subcategory, content, call_id,
                                  customer_id, timestamp_occurred, priority, requires_follow_up,
                                  linked_session_id)
    SELECT a.id, a.team_leader_id, $2::uuid, $4, r.note_type, r.category, r.subcategory,
           r.content, r.call_id, r.customer_id, coalesce(r.timestamp_occurred, now()),
           r.priority, coalesce(r.requires_follow_up, false), r.linked_session_id
      FROM users a, jsonb_populate_record(NULL::quick_notes, $3::jsonb) r
     WHERE a.id = $1::uuid AND a.role = 'AGENT' AND a.team_leader_id IS NOT NULL
       AND CASE WHEN r.linked_session_id IS NULL THEN true
                ELSE EXISTS (SELECT 1 FROM coaching_sessions cs
                              WHERE cs.id = r.linked_session_id AND cs.agent_id = a.id) END
        ON CONFLICT (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
    RETURNING q AS note
)
SELECT (n.note).id::text AS note_id, quick_note_json(n.note)::text AS json,
       (n.note).addressed, s.*
  FROM n
  JOIN user_subjects s ON s.subject_id = (n.note).agent_id
