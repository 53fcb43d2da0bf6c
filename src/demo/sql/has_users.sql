-- has_users: whether the users table holds any row (deleted users included).
SELECT EXISTS (SELECT 1 FROM users) AS has_users
