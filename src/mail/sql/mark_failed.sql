-- Records that mail $1 was not delivered (error $2): retried after 1, 2, 4, 8 minutes, FAILED
-- once it had $3 attempts.
UPDATE mail_outbox
   SET status = CASE WHEN attempts >= $3::int THEN 'FAILED'::mail_status ELSE 'PENDING' END,
       next_attempt_at = now() + make_interval(mins => power(2, attempts - 1)::int),
       last_error = $2
 WHERE id = $1::uuid
