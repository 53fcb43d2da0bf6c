-- Sets the columns of note $1 that the JSON object $2 names (a JSON null clears one); the
-- others keep their value. $2 holds only notes::NoteInput's whitelist. The deadline follows a
-- new priority (trigger, migration 0023).
UPDATE quick_notes qn
   SET (note_type, category, subcategory, content, call_id, customer_id, timestamp_occurred,
        priority, requires_follow_up, linked_session_id)
     = (SELECT r.note_type, r.category, r.subcategory, r.content, r.call_id, r.customer_id,
               r.timestamp_occurred, r.priority, r.requires_follow_up, r.linked_session_id
          FROM jsonb_populate_record(qn, $2::jsonb) r)
 WHERE qn.id = $1::uuid
RETURNING qn.id
