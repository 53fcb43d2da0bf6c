-- Coaching events are dated in the session's time zone (0011_org_time_zone_dates.sql; coach
-- runs every session in the organisation's zone). One agent, two days of metrics on either side
-- of a month's end, and two events near midnight:
--   session completed, actual start 2024-03-31 23:30 UTC
--     = 19:30 on Sun 2024-03-31 in New York (EDT, UTC-4)
--     = 13:30 on Mon 2024-04-01 in Kiritimati (UTC+14)
--   action item completed 2024-04-01 02:00 UTC
--     = 22:00 on Sun 2024-03-31 in New York
--     = 16:00 on Mon 2024-04-01 in Kiritimati
-- 2024-03-31 is a Sunday: the week ending 2024-03-31, March and Q1 hold the first day; the
-- week ending 2024-04-07, April and Q2 the second.

CREATE OR REPLACE FUNCTION pg_temp.refresh_all()
RETURNS void
LANGUAGE sql
AS $$
    SELECT refresh_performance_history(t, '2024-01-01', '2024-12-31')
    FROM unnest(ARRAY['WEEK', 'MONTH', 'QUARTER']::period_type[]) AS t;
$$;

INSERT INTO users (id, email, password_hash, name, role) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'za@example.com', 'x', 'Z', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000f1', 'ztl@example.com', 'x', 'TL', 'TEAM_LEADER');
INSERT INTO performance_metrics (agent_id, metric_date, service_score) VALUES
    ('00000000-0000-0000-0000-0000000000a1', '2024-03-31', 80),
    ('00000000-0000-0000-0000-0000000000a1', '2024-04-01', 90);
INSERT INTO coaching_sessions (id, agent_id, team_leader_id, scheduled_date, actual_start_time,
                               actual_end_time, session_type, status) VALUES
    ('00000000-0000-0000-0000-00000000e001', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', '2024-03-31 23:00+00', '2024-03-31 23:30+00',
     '2024-04-01 00:00+00', 'REGULAR', 'COMPLETED');
INSERT INTO action_items (agent_id, assigned_by, title, description, due_date, status,
                          completed_date) VALUES
    ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-0000000000f1',
     'Listen to two calls', 'd', '2024-04-05', 'COMPLETED', '2024-04-01 02:00+00');

-- UTC: the session on 03-31, the item on 04-01.
SET TimeZone = 'UTC';
SELECT pg_temp.refresh_all();
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-03-31'), 'SESSION_COMPLETED@2024-03-31', 'UTC March');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-04-30'), 'ACTION_ITEM_COMPLETED@2024-04-01', 'UTC April');

-- New York: both on Sunday 03-31 (week ending 03-31, March, Q1); nothing in April.
SET TimeZone = 'America/New_York';
SELECT pg_temp.refresh_all();
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-03-31'),
    'ACTION_ITEM_COMPLETED@2024-03-31,SESSION_COMPLETED@2024-03-31', 'New York week 03-31');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-03-31'),
    'ACTION_ITEM_COMPLETED@2024-03-31,SESSION_COMPLETED@2024-03-31', 'New York March');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-03-31'),
    'ACTION_ITEM_COMPLETED@2024-03-31,SESSION_COMPLETED@2024-03-31', 'New York Q1');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-04-30'), '', 'New York April');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-06-30'), '', 'New York Q2');

-- Kiritimati: both on Monday 04-01 (week ending 04-07, April, Q2); nothing in March.
SET TimeZone = 'Pacific/Kiritimati';
SELECT pg_temp.refresh_all();
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-04-07'),
    'ACTION_ITEM_COMPLETED@2024-04-01,SESSION_COMPLETED@2024-04-01', 'Kiritimati week 04-07');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-04-30'),
    'ACTION_ITEM_COMPLETED@2024-04-01,SESSION_COMPLETED@2024-04-01', 'Kiritimati April');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-06-30'),
    'ACTION_ITEM_COMPLETED@2024-04-01,SESSION_COMPLETED@2024-04-01', 'Kiritimati Q2');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-03-31'), '', 'Kiritimati week 03-31');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-03-31'), '', 'Kiritimati Q1');
RESET TimeZone;
