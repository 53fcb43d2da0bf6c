-- A new user from the JSON object $1 (the fields of users::UserInput) with password hash $2:
-- the columns without a default here, the others by update_user in the same transaction.
INSERT INTO users (email, name, role, password_hash)
SELECT r.email, r.name, r.role, $2
  FROM jsonb_populate_record(NULL::users, $1::jsonb) r
RETURNING id
