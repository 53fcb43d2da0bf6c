-- User $1 signed in now.
UPDATE users SET last_login_at = now() WHERE id = $1::uuid
