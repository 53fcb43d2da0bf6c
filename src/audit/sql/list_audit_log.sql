-- The audit log as viewer $1 (reach $2, auth::list_reach of audit_log; a row's user is its
-- actor, so rows of the system, without one, show only to the reach 'all') may read it, newest
-- first: json (the entry as GET /api/v1/audit-log writes it), created_at and id (the cursor).
-- Filters, NULL for none: $3 actor_id, $4 entity_type, $5 entity_id, $6 action (exact);
-- $7 from and $8 to, dates in the session's time zone (the organisation's), both inclusive.
-- $9/$10 the cursor (created_at, id); $11 the limit. Indexes: idx_audit_created, or
-- idx_audit_actor / idx_audit_entity for those filters (planned per call: optional filters).
SELECT json_build_object(
           'id', a.id, 'created_at', utc_json(a.created_at), 'actor_id', a.actor_id,
           'actor_name', u.name,
           'action', a.action, 'entity_type', a.entity_type, 'entity_id', a.entity_id,
           'before', a.before, 'after', a.after, 'ip', host(a.ip),
           'request_id', a.request_id)::text AS json,
       (a.created_at AT TIME ZONE 'UTC')::text || '+00' AS created_at, a.id::text AS id
  FROM audit_log a
  LEFT JOIN users u ON u.id = a.actor_id
 WHERE {{auth/reaches(u)}}
   AND ($3::uuid IS NULL OR a.actor_id = $3::uuid)
   AND ($4::text IS NULL OR a.entity_type = $4::text)
   AND ($5::uuid IS NULL OR a.entity_id = $5::uuid)
   AND ($6::text IS NULL OR a.action = $6::text)
   AND ($7::date IS NULL OR a.created_at >= $7::date::timestamptz)
   AND ($8::date IS NULL OR a.created_at < ($8::date + 1)::timestamptz)
   AND ($9::timestamptz IS NULL OR (a.created_at, a.id) < ($9::timestamptz, $10::uuid))
 ORDER BY a.created_at DESC, a.id DESC
 LIMIT $11
