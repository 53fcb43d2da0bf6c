-- 0021_settings_audit_grants.sql — the permission table's SQL twin (0016) follows two changes
-- of src/auth/scope.cpp, made with GET/PATCH /api/v1/settings and GET /api/v1/audit-log:
--
-- DECISION: every role reads the settings (the caller is the target: 'self'), since the web
-- app shows dates in the organisation's time zone; only an ADMIN changes them, as before.
-- DECISION: only an ADMIN reads the audit log; a MANAGER no longer does (0016 granted MANAGER
-- 'read' on audit_log in scope, which no route used).
--
-- coach_grant is otherwise 0016's. tests/integration/scope_sql_test.cpp checks it against the
-- C++ table for every resource and action.
CREATE OR REPLACE FUNCTION coach_grant(viewer_role user_role, resource text, action text)
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
        WHEN resource IN ('quick_notes', 'jobs', 'settings', 'teams') THEN
            CASE WHEN action = 'read' THEN 'scope' ELSE 'none' END
        WHEN resource = 'notifications' THEN 'self'
        ELSE 'none' END
    WHEN viewer_role = 'TEAM_LEADER' THEN CASE
        WHEN resource IN ('users', 'metrics') THEN
            CASE WHEN action = 'read' THEN 'scope' ELSE 'none' END
        WHEN resource IN ('teams', 'settings') THEN
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
        WHEN resource IN ('metrics', 'sessions', 'action_plans', 'settings') THEN
            CASE WHEN action = 'read' THEN 'self' ELSE 'none' END
        WHEN resource = 'notifications' THEN 'self'
        ELSE 'none' END
    ELSE 'none' END
$$;
