-- A password reset for email $1: stores the token's hash $2 for one hour and queues the mail
-- with link $3, in one statement. id: the user's; no row when the email is unknown (the
-- caller answers 202 either way).
WITH u AS (
    UPDATE users SET password_reset_token = $2, password_reset_expires = now() + interval '1 hour'
     WHERE lower(email) = lower($1) AND deleted_at IS NULL AND status <> 'TERMINATED'
    RETURNING id, email, name
)
INSERT INTO mail_outbox (to_address, subject, body_text, kind)
SELECT email, 'Reset your Coach password',
       format(E'Hello %s,\n\nTo choose a new Coach password, open this link within one hour:\n%s\n\n'
              'If you did not ask for this, ignore this message.\n', name, $3::text),
       'password_reset'
  FROM u
RETURNING (SELECT id FROM u LIMIT 1) AS id
