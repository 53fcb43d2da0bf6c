-- The agent's answer to completed session $1: $2 ACKNOWLEDGED or DISPUTED, $3 the comment.
-- Once only: no row when it was answered already or is not COMPLETED.
UPDATE coaching_sessions
   SET acknowledgement = $2, acknowledgement_comment = $3, acknowledged_at = now()
 WHERE id = $1::uuid AND status = 'COMPLETED' AND acknowledgement IS NULL
RETURNING id
