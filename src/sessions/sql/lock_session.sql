-- find_session, locking the session until the transaction ends: the checks made on it (its
-- status, version, calendar) and the write they guard see the same row (docs/architecture.md,
-- "Check and write"). $2: whether to build its JSON (NULL when not: a prep neither answers with
-- it nor audits it, and it cost a third of a prep's time).
SELECT cs.id::text AS session_id,
       CASE WHEN $2::bool THEN coaching_session_json(cs)::text END AS json, cs.status,
       cs.version, cs.team_leader_id::text AS team_leader_id,
       s.*
  FROM coaching_sessions cs
  JOIN user_subjects s ON s.subject_id = cs.agent_id
 WHERE cs.id = $1::uuid
   FOR UPDATE OF cs
