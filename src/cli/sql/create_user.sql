-- A new user: email $1, name $2, role $3 (user_role), password hash $4. Returns its id.
INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3::user_role, $4)
RETURNING id
