-- Whether a list statement shows rows about user {{1}} (an alias of users) to viewer $1 with
-- reach $2 (auth::list_reach: which users that viewer's role may read for the list's resource).
-- The twin of auth::may(read) (tests/integration/scope_sql_test.cpp). With $2 known when the
-- statement is planned, the CASE keeps one branch and what is left can use an index; only the
-- manager's branch has a subquery (its team leaders), planned only then (docs/architecture.md,
-- "Permissions").
CASE $2::text
    WHEN 'all' THEN true
    WHEN 'managed' THEN {{1}}.deleted_at IS NULL
        AND ({{1}}.id = $1::uuid
             OR ({{1}}.role = 'TEAM_LEADER' AND {{1}}.manager_id = $1::uuid)
             OR ({{1}}.role = 'AGENT' AND {{1}}.team_leader_id IN (
                     SELECT m.id FROM users m WHERE m.manager_id = $1::uuid)))
    WHEN 'team' THEN {{1}}.deleted_at IS NULL
        AND ({{1}}.id = $1::uuid OR ({{1}}.role = 'AGENT' AND {{1}}.team_leader_id = $1::uuid))
    WHEN 'own_agents' THEN {{1}}.deleted_at IS NULL AND {{1}}.role = 'AGENT'
        AND {{1}}.team_leader_id = $1::uuid
    WHEN 'self' THEN {{1}}.id = $1::uuid
    ELSE false END
