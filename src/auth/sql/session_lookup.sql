-- The caller of the session whose token hash is $1 (bytea; idle limit $2 seconds), with the
-- user's public JSON so GET /auth/me needs no second statement; no row when the session is
-- not live. Its once-a-minute refresh (touch_session.sql) is a separate statement sent only
-- when due (bench/RESULTS.md: as a data-modifying CTE it slowed every request).
SELECT l.session_id, l.csrf_token, l.user_id, l.role, l.touch_due, user_json(u)::text AS user_json
  FROM live_session($1::bytea, $2::int) l
  JOIN users u ON u.id = l.user_id
