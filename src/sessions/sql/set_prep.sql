-- Stores session $1's prep (JSON $2), replacing the one before (prep is a snapshot); its
-- version after (the ETag; the version trigger runs before the update).
UPDATE coaching_sessions SET prep_data = $2::jsonb WHERE id = $1::uuid RETURNING version
