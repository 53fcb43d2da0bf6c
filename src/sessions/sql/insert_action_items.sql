-- The action items agreed in session $1, assigned by $2: $3 a JSON array of
-- {title, description, due_date, priority} (sessions::CompletionInput). Returns their ids.
INSERT INTO action_items (session_id, agent_id, assigned_by, title, description, due_date,
                          priority)
SELECT cs.id, cs.agent_id, $2::uuid, x.title, coalesce(x.description, ''), x.due_date,
       coalesce(x.priority, 'MEDIUM')
  FROM coaching_sessions cs
 CROSS JOIN jsonb_to_recordset($3::jsonb)
            AS x(title text, description text, due_date date, priority priority_level)
 WHERE cs.id = $1::uuid
RETURNING id::text AS id
