-- Tells user $1 (if still there) something: a notification of kind $2 with subject $3 and
-- the web app's path $4 (NULL: none), and the same by mail through mail_outbox unless the
-- recipient is TERMINATED. $5: the server's public URL, put before the path in the mail.
WITH recipient AS (
    SELECT u.id, u.email, u.status FROM users u WHERE u.id = $1::uuid AND u.deleted_at IS NULL
), notified AS (
    INSERT INTO notifications (recipient_id, kind, subject, link)
    SELECT r.id, $2, $3, $4 FROM recipient r
    RETURNING id
)
INSERT INTO mail_outbox (to_address, subject, body_text, kind)
SELECT r.email, $3,
       $3 || CASE WHEN $4::text IS NULL THEN '' ELSE E'\n\nOpen Coach: ' || $5 || $4 END,
       'notification:' || $2
  FROM recipient r
 WHERE r.status <> 'TERMINATED'
