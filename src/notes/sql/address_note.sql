-- Marks note $1 addressed by $2: how ($3) and when ($4, NULL: now). Only an open note: no
-- row when it was addressed already.
UPDATE quick_notes
   SET addressed = true, addressed_by = $2::uuid, addressed_notes = $3,
       addressed_date = coalesce($4::timestamptz, now())
 WHERE id = $1::uuid AND NOT addressed
RETURNING id
