-- The notifications of viewer $1 (reach $2, auth::list_reach of notifications: always the
-- viewer's own), unread first, newest first; $3 true: unread only. $4/$5/$6 the cursor
-- (read flag '0'/'1', created_at, id); $7 the limit. Index: idx_notifications_recipient.
SELECT json_build_object('id', n.id, 'kind', n.kind, 'subject', n.subject, 'link', n.link,
                         'read_at', utc_json(n.read_at),
                         'created_at', utc_json(n.created_at))::text AS json,
       (n.read_at IS NOT NULL)::int::text AS read,
       (n.created_at AT TIME ZONE 'UTC')::text || '+00' AS created_at, n.id::text AS id
  FROM notifications n
  JOIN users u ON u.id = n.recipient_id
 WHERE {{auth/reaches(u)}}
   AND (NOT $3::bool OR n.read_at IS NULL)
   AND ($4::text IS NULL
        OR (n.read_at IS NOT NULL)::int::text > $4::text
        OR ((n.read_at IS NOT NULL)::int::text = $4::text
            AND (n.created_at, n.id) < ($5::timestamptz, $6::uuid)))
 ORDER BY (n.read_at IS NOT NULL), n.created_at DESC, n.id DESC
 LIMIT $7
