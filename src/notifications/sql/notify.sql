-- Tells user $1 something: kind $2, subject $3, the web app's path $4 (NULL: none), the
-- server's public URL $5 (coach_notify, migration 0022).
SELECT coach_notify($1::uuid, $2, $3, $4, $5)
