-- Marks mail $1 SENT; a password reset's body (its link) is blanked once delivered.
UPDATE mail_outbox
   SET status = 'SENT', sent_at = now(), last_error = NULL,
       body_text = CASE WHEN kind = 'password_reset' THEN '[delivered; removed]' ELSE body_text END
 WHERE id = $1::uuid
