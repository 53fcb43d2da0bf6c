-- Locks the rows of {table} that import $1 changed; changed: how many of them were changed
-- since: still there with another updated_at (an import's changes carry the updated_at it gave
-- the row), or an updated row that is gone. A row the import inserted and someone deleted
-- since is no conflict. A template (docs/architecture.md, "Templates") filled by rollback.cpp,
-- never from a request: {changes} the import's changes (c), {updates} the table its UPDATED
-- changes are counted in, {table} the rows (t), {match} how a change names its row.
WITH locked AS (
    SELECT c.action, t.updated_at = c.created_at AS unchanged
      FROM {changes} c
      JOIN {table} t ON {match}
     WHERE c.import_id = $1::uuid
       FOR UPDATE OF t
)
SELECT (SELECT count(*) FROM {updates} WHERE import_id = $1::uuid AND action = 'UPDATED')
       - count(*) FILTER (WHERE action = 'UPDATED')
       + count(*) FILTER (WHERE NOT unchanged) AS changed
  FROM locked
