-- Claims up to 20 due PENDING mails (SENDING, one more attempt), skipping rows another
-- instance holds: id, to_address, subject, body_text, attempts.
UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1
 WHERE id IN (SELECT id FROM mail_outbox
               WHERE status = 'PENDING' AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT 20
                 FOR UPDATE SKIP LOCKED)
RETURNING id, to_address, subject, body_text, attempts
