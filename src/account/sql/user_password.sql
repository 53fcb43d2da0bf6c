-- The live user $1's email and password_hash (changing one's password).
SELECT email, password_hash FROM users WHERE id = $1::uuid AND deleted_at IS NULL
