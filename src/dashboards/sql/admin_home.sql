-- An ADMIN's home: json, the organisation's counts as the JSON of GET /dashboard.
SELECT json_build_object(
    'role', 'ADMIN',
    'as_of', coach_today(),
    'counts', json_build_object(
        'agents', (SELECT count(*) FROM users
                    WHERE role = 'AGENT' AND deleted_at IS NULL AND status <> 'TERMINATED'),
        'team_leaders', (SELECT count(*) FROM users
                          WHERE role = 'TEAM_LEADER' AND deleted_at IS NULL
                            AND status <> 'TERMINATED'),
        'managers', (SELECT count(*) FROM users
                      WHERE role = 'MANAGER' AND deleted_at IS NULL AND status <> 'TERMINATED'),
        'active_pips', (SELECT count(*) FROM action_plans
                         WHERE status IN ('ACTIVE', 'EXTENDED')),
        'imports_last_7_days', (SELECT count(*) FROM import_logs
                                 WHERE created_at >= coach_now() - interval '7 days'),
        'failed_imports_last_7_days', (SELECT count(*) FROM import_logs
                                        WHERE created_at >= coach_now() - interval '7 days'
                                          AND status = 'FAILED')))::text AS json
