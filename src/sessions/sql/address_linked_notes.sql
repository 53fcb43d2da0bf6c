-- Completing session $1 addresses the quick notes linked to it (docs/domain.md, "Quick
-- notes").
UPDATE quick_notes
   SET addressed = true, addressed_date = now(),
       addressed_notes = coalesce(addressed_notes, 'Addressed in the coaching session.')
 WHERE linked_session_id = $1::uuid AND NOT addressed
