-- import_metric_changes (0012_import_inserted_days.sql): the changes of both records, one row
-- per (agent, day): an import made before 0012 (its INSERTED rows in import_changes) and one
-- made after (its inserted days per agent in import_inserted_days, its updates in
-- import_changes).

INSERT INTO users (id, email, password_hash, name, role) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'ia@example.com', 'x', 'A', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000a2', 'ib@example.com', 'x', 'B', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000ad', 'iadmin@example.com', 'x', 'Admin', 'ADMIN');
INSERT INTO import_logs (id, file_name, import_type, imported_by, status) VALUES
    ('00000000-0000-0000-0000-00000000001a', 'old.csv', 'METRICS', '00000000-0000-0000-0000-0000000000ad', 'SUCCESS'),
    ('00000000-0000-0000-0000-00000000001b', 'new.csv', 'METRICS', '00000000-0000-0000-0000-0000000000ad', 'SUCCESS');

-- Before 0012: two days inserted, row by row.
INSERT INTO import_changes (import_id, metric_id, agent_id, metric_date, action, before, created_at) VALUES
    ('00000000-0000-0000-0000-00000000001a', gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', '2024-01-01', 'INSERTED', NULL, '2024-01-02 10:00+00'),
    ('00000000-0000-0000-0000-00000000001a', gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', '2024-01-02', 'INSERTED', NULL, '2024-01-02 10:00+00');
-- After: A's 01-02 updated (a before-image), three days inserted for B and one for A.
INSERT INTO import_changes (import_id, metric_id, agent_id, metric_date, action, before, created_at) VALUES
    ('00000000-0000-0000-0000-00000000001b', gen_random_uuid(), '00000000-0000-0000-0000-0000000000a1', '2024-01-02', 'UPDATED', '{"service_score": 80}', '2024-01-05 09:00+00');
INSERT INTO import_inserted_days (import_id, agent_id, metric_dates, created_at) VALUES
    ('00000000-0000-0000-0000-00000000001b', '00000000-0000-0000-0000-0000000000a2', '{2024-01-01,2024-01-02,2024-01-03}', '2024-01-05 09:00+00'),
    ('00000000-0000-0000-0000-00000000001b', '00000000-0000-0000-0000-0000000000a1', '{2024-01-03}', '2024-01-05 09:00+00');

SELECT pg_temp.assert_eq(
    (SELECT string_agg(right(agent_id::text, 2) || ' ' || metric_date || ' ' || action || ' ' ||
                       coalesce(before->>'service_score', '-') || ' ' || to_char(created_at AT TIME ZONE 'UTC', 'DD HH24'),
                       '; ' ORDER BY agent_id, metric_date, action)
       FROM import_metric_changes WHERE import_id = '00000000-0000-0000-0000-00000000001b'),
    'a1 2024-01-02 UPDATED 80 05 09; a1 2024-01-03 INSERTED - 05 09; '
    'a2 2024-01-01 INSERTED - 05 09; a2 2024-01-02 INSERTED - 05 09; a2 2024-01-03 INSERTED - 05 09',
    'the new import: its update and its four inserted days');
SELECT pg_temp.assert_eq(
    (SELECT string_agg(metric_date || ' ' || action, '; ' ORDER BY metric_date)
       FROM import_metric_changes WHERE import_id = '00000000-0000-0000-0000-00000000001a'),
    '2024-01-01 INSERTED; 2024-01-02 INSERTED', 'the old import, as recorded before 0012');
SELECT pg_temp.assert_eq((SELECT count(*) FROM import_metric_changes), 7::bigint, 'all changes');

-- import_metric_change_spans (0015): per agent, the first and last day of the same changes.
-- New import: A updated 01-02 and inserted 01-03 (two rows: 01-02..01-02, 01-03..01-03), B
-- inserted 01-01..01-03 (one row). Old import: A's two INSERTED rows.
SELECT pg_temp.assert_eq(
    (SELECT string_agg(right(agent_id::text, 2) || ' ' || first_day || '..' || last_day, '; '
                       ORDER BY agent_id, first_day)
       FROM import_metric_change_spans WHERE import_id = '00000000-0000-0000-0000-00000000001b'),
    'a1 2024-01-02..2024-01-02; a1 2024-01-03..2024-01-03; a2 2024-01-01..2024-01-03',
    'spans of the new import');
SELECT pg_temp.assert_eq(
    (SELECT min(first_day) || '..' || max(last_day) || ' ' || count(DISTINCT agent_id)
       FROM import_metric_change_spans WHERE import_id = '00000000-0000-0000-0000-00000000001a'),
    '2024-01-01..2024-01-02 1', 'span of the old import');
