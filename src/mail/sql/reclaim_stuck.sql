-- Puts mail stuck in SENDING for over ten minutes (its sender stopped mid-send) back to
-- PENDING.
UPDATE mail_outbox SET status = 'PENDING'
 WHERE status = 'SENDING' AND updated_at < now() - interval '10 minutes'
