-- Marks every unread notification of recipient $1 read; returns how many.
WITH done AS (
    UPDATE notifications SET read_at = now()
     WHERE recipient_id = $1::uuid AND read_at IS NULL
    RETURNING 1
)
SELECT count(*) AS marked FROM done
