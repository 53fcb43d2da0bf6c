-- 0020_list_reach.sql — the scope of a list as one condition on the row's user, replacing
-- coach_readable_users (docs/architecture.md, "Permissions").
--
-- coach_readable_users joined the view user_subjects (two more users relations in every
-- list) and folded coach_grant's table at plan time; list statements are planned on each call
-- (optional filters), and that planning made them 1.2 – 2.5× slower than the predicate they
-- replaced (bench/RESULTS.md, "Issue 14: session 10"). Now C++ reads the list's reach from its
-- own table (auth::list_reach(role, resource): 'all', 'managed', 'team', 'own_agents', 'self'
-- or 'none') and passes it as $2; with it a constant, the CASE folds to the one branch that
-- applies and what is left can use an index. tests/integration/scope_sql_test.cpp checks that
-- coach_reaches(viewer, list_reach(role, resource), user) is auth::may(read) for every pair of
-- users and every resource, and that it is inlined.
--
-- The target user is given by the columns coach_may takes (a users row and its team leader's
-- manager_id); a list of agents' rows joins users u and LEFT JOIN users tl (which PostgreSQL
-- removes when the reach does not read tl, as for 'all').
CREATE FUNCTION coach_reaches(viewer uuid, reach text, t_id uuid, t_role user_role,
                              t_team_leader_id uuid, t_manager_id uuid,
                              t_team_leaders_manager_id uuid, t_deleted boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE reach
    WHEN 'all' THEN true
    WHEN 'managed' THEN NOT t_deleted
        AND (t_id = viewer
             OR (t_role = 'TEAM_LEADER' AND t_manager_id = viewer)
             OR (t_role = 'AGENT' AND t_team_leaders_manager_id = viewer))
    WHEN 'team' THEN NOT t_deleted
        AND (t_id = viewer OR (t_role = 'AGENT' AND t_team_leader_id = viewer))
    WHEN 'own_agents' THEN NOT t_deleted AND t_role = 'AGENT' AND t_team_leader_id = viewer
    WHEN 'self' THEN t_id = viewer
    ELSE false END
$$;

DROP FUNCTION coach_readable_users(uuid, user_role, text);

-- The users list is ordered by name: with this index a page is read in order and the scan
-- stops at the page's end, instead of sorting every user in scope.
CREATE INDEX idx_users_name_id ON users (name, id);
