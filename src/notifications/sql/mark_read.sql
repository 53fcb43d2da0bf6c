-- Marks notification $1 of recipient $2 read (kept as it was when read already). No row: no
-- such notification of that recipient.
UPDATE notifications SET read_at = coalesce(read_at, now())
 WHERE id = $1::uuid AND recipient_id = $2::uuid
RETURNING json_build_object('id', id, 'kind', kind, 'subject', subject, 'link', link,
                            'read_at', utc_json(read_at),
                            'created_at', utc_json(created_at))::text AS json
