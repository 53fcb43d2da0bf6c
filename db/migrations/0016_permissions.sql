-- 0016_permissions.sql — who may see and do what, in SQL, for list queries: the twin of the
-- table in src/auth/scope.cpp (docs/architecture.md, "Permissions").
-- tests/integration/scope_sql_test.cpp checks both agree for every pair of users, every
-- resource and every action.
--
-- All three functions are plain SQL expressions so that PostgreSQL inlines them into the
-- calling query: with the viewer's role and the resource as constants, the CASEs fold away
-- and what remains (e.g. "u.team_leader_id = $1") can use an index. NULL means "no" (a
-- WHERE clause drops it); they are not STRICT, which would stop the inlining.

-- What one cell of the table grants: 'scope' (anyone in scope), 'scope_tls_and_agents'
-- (team leaders and agents in scope, never self), 'own_agents' (agents whose team leader is
-- the viewer), 'self', or 'none'.
CREATE FUNCTION coach_grant(viewer_role user_role, resource text, action text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT CASE
    WHEN action = 'approve' AND resource <> 'action_plans' THEN 'none'
    WHEN viewer_role = 'ADMIN' THEN
        CASE WHEN resource = 'notifications' THEN 'self' ELSE 'scope' END
    WHEN viewer_role = 'MANAGER' THEN CASE
        WHEN resource = 'users' THEN CASE
            WHEN action = 'read' THEN 'scope'
            WHEN action IN ('create', 'update') THEN 'scope_tls_and_agents'
            ELSE 'none' END
        WHEN resource IN ('metrics', 'imports', 'sessions', 'action_items', 'effectiveness',
                          'profiles') THEN 'scope'
        WHEN resource = 'action_plans' THEN 'scope'
        WHEN resource IN ('quick_notes', 'audit_log', 'jobs', 'settings', 'teams') THEN
            CASE WHEN action = 'read' THEN 'scope' ELSE 'none' END
        WHEN resource = 'notifications' THEN 'self'
        ELSE 'none' END
    WHEN viewer_role = 'TEAM_LEADER' THEN CASE
        WHEN resource IN ('users', 'metrics') THEN
            CASE WHEN action = 'read' THEN 'scope' ELSE 'none' END
        WHEN resource = 'teams' THEN
            CASE WHEN action = 'read' THEN 'self' ELSE 'none' END
        WHEN resource IN ('sessions', 'quick_notes', 'action_items', 'profiles') THEN 'own_agents'
        WHEN resource = 'action_plans' THEN
            CASE WHEN action IN ('read', 'create', 'update') THEN 'own_agents' ELSE 'none' END
        WHEN resource = 'effectiveness' THEN 'scope'
        WHEN resource = 'notifications' THEN 'self'
        ELSE 'none' END
    WHEN viewer_role = 'AGENT' THEN CASE
        WHEN resource IN ('users', 'action_items', 'profiles') THEN
            CASE WHEN action IN ('read', 'update') THEN 'self' ELSE 'none' END
        WHEN resource IN ('metrics', 'sessions', 'action_plans') THEN
            CASE WHEN action = 'read' THEN 'self' ELSE 'none' END
        WHEN resource = 'notifications' THEN 'self'
        ELSE 'none' END
    ELSE 'none' END
$$;

-- Whether the viewer may see the target user at all. The target is given by its columns:
-- id, role, team_leader_id, manager_id, its team leader's manager_id, and whether it is
-- soft-deleted.
CREATE FUNCTION coach_in_scope(viewer uuid, viewer_role user_role, t_id uuid,
                               t_role user_role, t_team_leader_id uuid, t_manager_id uuid,
                               t_team_leaders_manager_id uuid, t_deleted boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT viewer_role = 'ADMIN'
    OR (NOT t_deleted
        AND (t_id = viewer
             OR (viewer_role = 'MANAGER'
                 AND ((t_role = 'TEAM_LEADER' AND t_manager_id = viewer)
                      OR (t_role = 'AGENT' AND t_team_leaders_manager_id = viewer)))
             OR (viewer_role = 'TEAM_LEADER' AND t_role = 'AGENT'
                 AND t_team_leader_id = viewer)))
$$;

-- Whether the viewer may do `action` on `resource` rows about the target user (for a user
-- row, the user itself; for a metric, session, note, ..., its agent).
CREATE FUNCTION coach_may(viewer uuid, viewer_role user_role, resource text, action text,
                          t_id uuid, t_role user_role, t_team_leader_id uuid,
                          t_manager_id uuid, t_team_leaders_manager_id uuid, t_deleted boolean)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coach_in_scope(viewer, viewer_role, t_id, t_role, t_team_leader_id, t_manager_id,
                      t_team_leaders_manager_id, t_deleted)
   AND CASE coach_grant(viewer_role, resource, action)
           WHEN 'scope' THEN true
           WHEN 'scope_tls_and_agents' THEN
               t_id <> viewer AND t_role IN ('TEAM_LEADER', 'AGENT')
           WHEN 'own_agents' THEN t_role = 'AGENT' AND t_team_leader_id = viewer
           WHEN 'self' THEN t_id = viewer
           ELSE false END
$$;

-- Each user as the subject of a permission check: the columns coach_may and auth::Subject
-- take. Queries that check a row read its user through this view (one place for the join to
-- the team leader); a simple view, so the planner folds it into the query.
CREATE VIEW user_subjects AS
SELECT u.id AS subject_id,
       u.role AS subject_role,
       u.team_leader_id AS subject_team_leader_id,
       u.manager_id AS subject_manager_id,
       tl.manager_id AS subject_team_leaders_manager_id,
       u.deleted_at IS NOT NULL AS subject_deleted
  FROM users u
  LEFT JOIN users tl ON tl.id = u.team_leader_id;

-- The users whose `resource` rows the viewer may read: list queries join it on the row's
-- user (e.g. "JOIN coach_readable_users($1, $2, 'metrics') v ON v.user_id = m.agent_id").
CREATE FUNCTION coach_readable_users(viewer uuid, viewer_role user_role, resource text)
RETURNS TABLE (user_id uuid) LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT s.subject_id
  FROM user_subjects s
 WHERE coach_may(viewer, viewer_role, resource, 'read', s.subject_id, s.subject_role,
                 s.subject_team_leader_id, s.subject_manager_id,
                 s.subject_team_leaders_manager_id, s.subject_deleted)
$$;

-- The public JSON of a user (never password_hash or reset tokens), in one place: the users
-- routes and the session lookup of /auth/me both select it.
CREATE FUNCTION user_json(u users) RETURNS json LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT json_build_object(
    'id', u.id, 'email', u.email, 'name', u.name, 'role', u.role,
    'team_leader_id', u.team_leader_id, 'manager_id', u.manager_id,
    'department', u.department, 'employee_id', u.employee_id, 'hire_date', u.hire_date,
    'phone', u.phone, 'avatar_url', u.avatar_url, 'status', u.status,
    'learning_style', u.learning_style, 'shift_pattern', u.shift_pattern,
    'timezone', u.timezone, 'last_login_at', u.last_login_at,
    'created_at', u.created_at, 'updated_at', u.updated_at, 'deleted_at', u.deleted_at)
$$;

-- The live session of token hash p_token_hash (idle limit p_idle_seconds) and its user, in
-- one place: the session lookup of every authenticated request, and the statements a route
-- sends in the same round trip (http::Prefetch), which read the caller from it.
-- touch_due: last_seen_at is due for its once-a-minute refresh.
CREATE FUNCTION live_session(p_token_hash bytea, p_idle_seconds int)
RETURNS TABLE (session_id uuid, csrf_token text, user_id uuid, role user_role,
               touch_due boolean)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
SELECT s.id, s.csrf_token, u.id, u.role, s.last_seen_at < now() - interval '60 seconds'
  FROM user_sessions s
  JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = p_token_hash
   AND s.revoked_at IS NULL
   AND s.expires_at > now()
   AND s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
   AND u.deleted_at IS NULL
   AND u.status <> 'TERMINATED'
$$;
