-- Serialises the writes to the calendars of users $1 (uuid[]: a session's team leader and
-- agent) until the transaction ends, in id order (no deadlock between two writers): the
-- overlap check (calendar_conflicts) and the write it guards then see every other session.
SELECT count(pg_advisory_xact_lock(hashtextextended('calendar:' || id::text, 0))) AS locked
  FROM (SELECT unnest($1::uuid[]) AS id ORDER BY 1) ids
