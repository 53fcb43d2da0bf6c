-- Moves session $1 from status $2 to $3 (sessions::transition decided it), with what the
-- move records: $4 the reason of a cancellation or no-show; starting sets actual_start_time,
-- completing actual_end_time (actual_start_time + $5 minutes when given, else now()) and
-- asks the agent to acknowledge it.
-- No row: another request moved it first.
UPDATE coaching_sessions
   SET status = $3::session_status,
       actual_start_time = CASE WHEN $3 = 'IN_PROGRESS' THEN now() ELSE actual_start_time END,
       actual_end_time = CASE
           WHEN $3 = 'COMPLETED' THEN
               CASE WHEN $5::int IS NULL THEN greatest(now(), actual_start_time)
                    ELSE actual_start_time + make_interval(mins => $5::int) END
           ELSE actual_end_time END,
       acknowledgement_requested_at = CASE WHEN $3 = 'COMPLETED' THEN now()
                                           ELSE acknowledgement_requested_at END,
       cancelled_reason = CASE WHEN $3 = 'CANCELLED' THEN $4 ELSE cancelled_reason END,
       no_show_reason = CASE WHEN $3 = 'NO_SHOW' THEN $4 ELSE no_show_reason END
 WHERE id = $1::uuid AND status = $2::session_status
RETURNING id
