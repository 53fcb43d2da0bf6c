-- How many unread notifications recipient $1 has (the bell's number).
SELECT count(*) AS unread FROM notifications WHERE recipient_id = $1::uuid AND read_at IS NULL
