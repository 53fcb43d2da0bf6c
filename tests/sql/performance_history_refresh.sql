-- refresh_performance_history / refresh_performance_history_for_days (0003_history.sql):
-- averages, days_worked, variance, trends and annotations per WEEK / MONTH / QUARTER,
-- every expected figure computed by hand in the comments.

-- Run by the SQL test runner as one multi-statement query in a fresh, migrated
-- database; any error (a failed assertion raises) fails the file.

-- One history row as text:
--   "<avg service> <productivity> <quality> <attendance> <adherence> c=<composite>
--    | t=<service trend> <productivity> <quality> <attendance> <adherence> | var=<v> days=<n>"
-- NULL shows as '-'; a missing row as 'no row'.
CREATE OR REPLACE FUNCTION pg_temp.h(a text, pt text, ending text)
RETURNS text
LANGUAGE sql
AS $$
    SELECT coalesce((
        SELECT format('%s %s %s %s %s c=%s | t=%s %s %s %s %s | var=%s days=%s',
                      coalesce(avg_service_score::text, '-'), coalesce(avg_productivity_score::text, '-'),
                      coalesce(avg_quality_score::text, '-'), coalesce(avg_attendance_rate::text, '-'),
                      coalesce(avg_adherence_score::text, '-'), coalesce(avg_composite_score::text, '-'),
                      coalesce(service_trend::text, '-'), coalesce(productivity_trend::text, '-'),
                      coalesce(quality_trend::text, '-'), coalesce(attendance_trend::text, '-'),
                      coalesce(adherence_trend::text, '-'), coalesce(score_variance::text, '-'),
                      coalesce(days_worked::text, '-'))
        FROM performance_history
        WHERE agent_id = a::uuid AND period_type = pt::period_type AND period_ending = ending::date),
        'no row');
$$;

-- A day of metrics with the five composite components (others NULL).
CREATE OR REPLACE FUNCTION pg_temp.day(a text, d text, s numeric, p numeric, q numeric, att numeric, adh numeric)
RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO performance_metrics (agent_id, metric_date, service_score, productivity_score,
                                     quality_score, attendance_rate, adherence_score)
    VALUES (a::uuid, d::date, s, p, q, att, adh);
$$;

INSERT INTO users (id, email, password_hash, name, role) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'ha@example.com', 'x', 'A', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000b1', 'hb@example.com', 'x', 'B', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000c1', 'hc@example.com', 'x', 'C', 'AGENT'),
    ('00000000-0000-0000-0000-0000000000f1', 'htl@example.com', 'x', 'TL', 'TEAM_LEADER');

-- Period helpers. 2024-01-01 is a Monday, so 2024-01-29 is one and 2024-02-04 a Sunday.
SELECT pg_temp.assert_eq(history_period_end('WEEK', '2024-01-29'), '2024-02-04'::date, 'week end from Monday');
SELECT pg_temp.assert_eq(history_period_end('WEEK', '2024-02-04'), '2024-02-04'::date, 'week end from Sunday');
SELECT pg_temp.assert_eq(history_period_start('WEEK', '2024-02-04'), '2024-01-29'::date, 'week start from Sunday');
SELECT pg_temp.assert_eq(history_period_end('WEEK', '2022-12-26'), '2023-01-01'::date, 'week across years');
SELECT pg_temp.assert_eq(history_period_end('MONTH', '2024-02-10'), '2024-02-29'::date, 'leap February');
SELECT pg_temp.assert_eq(history_period_end('MONTH', '2023-02-10'), '2023-02-28'::date, 'February');
SELECT pg_temp.assert_eq(history_period_end('MONTH', '2024-12-31'), '2024-12-31'::date, 'December');
SELECT pg_temp.assert_eq(history_period_start('MONTH', '2024-12-31'), '2024-12-01'::date, 'month start');
SELECT pg_temp.assert_eq(history_period_end('QUARTER', '2024-01-01'), '2024-03-31'::date, 'Q1 end');
SELECT pg_temp.assert_eq(history_period_end('QUARTER', '2024-05-15'), '2024-06-30'::date, 'Q2 end');
SELECT pg_temp.assert_eq(history_period_end('QUARTER', '2024-09-30'), '2024-09-30'::date, 'Q3 end');
SELECT pg_temp.assert_eq(history_period_end('QUARTER', '2024-11-03'), '2024-12-31'::date, 'Q4 end');
SELECT pg_temp.assert_eq(history_period_start('QUARTER', '2024-11-03'), '2024-10-01'::date, 'Q4 start');

-- ---------------------------------------------------------------------------------------
-- Agent A: a week crossing January/February, NULL components, trends, quarters, events.
--   2024-01-30 Tue  80/70/90/100/60   composite 20 + 14 + 18 + 20 + 9    = 81.00
--   2024-02-02 Fri  90/80/NULL/95/70  composite NULL (quality NULL)
--   2024-02-03 Sat  70/60/80/90/50    composite 17.5 + 12 + 16 + 18 + 7.5 = 71.00
--   2024-02-05 Mon  90/75/85/100/80   composite 22.5 + 15 + 17 + 20 + 12  = 86.50
-- ---------------------------------------------------------------------------------------
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000a1', '2024-01-30', 80, 70, 90, 100, 60);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000a1', '2024-02-02', 90, 80, NULL, 95, 70);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000a1', '2024-02-03', 70, 60, 80, 90, 50);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000a1', '2024-02-05', 90, 75, 85, 100, 80);

-- Events of A (fixed ids so the annotations can be compared whole):
INSERT INTO coaching_sessions (id, agent_id, team_leader_id, scheduled_date, actual_start_time,
                               actual_end_time, session_type, status) VALUES
    -- completed: event on its actual start day 2024-02-01
    ('00000000-0000-0000-0000-00000000e001', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', '2024-01-31 09:00+00', '2024-02-01 10:00+00',
     '2024-02-01 10:30+00', 'REGULAR', 'COMPLETED'),
    -- cancelled and scheduled: no event
    ('00000000-0000-0000-0000-00000000e002', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', '2024-02-02 09:00+00', NULL, NULL, 'REGULAR', 'CANCELLED'),
    ('00000000-0000-0000-0000-00000000e003', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', '2024-02-03 09:00+00', NULL, NULL, 'FOLLOW_UP', 'SCHEDULED');
INSERT INTO action_plans (id, agent_id, created_by, approved_by, start_date, target_end_date,
                          actual_end_date, status, outcome, reason_for_plan, target_metrics,
                          success_criteria) VALUES
    -- ended 2024-01-31 (SUCCESS): PIP_ENDED then; its start (2023-11-01) is in a period
    -- without metrics, so that event is stored nowhere
    ('00000000-0000-0000-0000-00000000e101', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000f1',
     '2023-11-01', '2024-01-31', '2024-01-31', 'COMPLETED', 'SUCCESS', 'r', '{}', '{}'),
    -- active since 2024-02-05: PIP_STARTED then
    ('00000000-0000-0000-0000-00000000e102', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', '00000000-0000-0000-0000-0000000000f1',
     '2024-02-05', '2024-03-05', NULL, 'ACTIVE', NULL, 'r', '{}', '{}'),
    -- a draft starting 2024-02-02 and a plan cancelled before approval: no event
    ('00000000-0000-0000-0000-00000000e103', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', NULL,
     '2024-02-02', '2024-03-02', NULL, 'DRAFT', NULL, 'r', '{}', '{}'),
    ('00000000-0000-0000-0000-00000000e104', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', NULL,
     '2024-02-03', '2024-03-03', NULL, 'CANCELLED', NULL, 'r', '{}', '{}');
INSERT INTO action_items (id, agent_id, assigned_by, title, description, due_date, status,
                          completed_date) VALUES
    -- completed 2024-02-03 23:30 UTC: that UTC day
    ('00000000-0000-0000-0000-00000000e201', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', 'Review call recordings', 'd', '2024-02-10',
     'COMPLETED', '2024-02-03 23:30+00'),
    -- cancelled: no event
    ('00000000-0000-0000-0000-00000000e202', '00000000-0000-0000-0000-0000000000a1',
     '00000000-0000-0000-0000-0000000000f1', 'Other', 'd', '2024-02-10', 'CANCELLED', NULL);

-- ---------------------------------------------------------------------------------------
-- Agent B: a composite swinging between 0 and 100, then an empty week.
--   2024-04-01 Mon  all 0    composite 0.00
--   2024-04-02 Tue  all 100  composite 100.00
--   (week ending 2024-04-14: no data)
--   2024-04-17 Wed  all 60   composite 60.00
-- ---------------------------------------------------------------------------------------
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000b1', '2024-04-01', 0, 0, 0, 0, 0);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000b1', '2024-04-02', 100, 100, 100, 100, 100);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000b1', '2024-04-17', 60, 60, 60, 60, 60);

-- ---------------------------------------------------------------------------------------
-- Agent C: archived days (week 2022-12-26 .. 2023-01-01 crosses the year).
--   2022-12-30 Fri  archive only  all 70  composite 70
--   2022-12-31 Sat  archive all 10 AND live all 90: counted once, the live 90
--   2023-01-01 Sun  live          all 80  composite 80
-- ---------------------------------------------------------------------------------------
INSERT INTO performance_metrics_archive (agent_id, metric_date, service_score, productivity_score,
                                         quality_score, attendance_rate, adherence_score) VALUES
    ('00000000-0000-0000-0000-0000000000c1', '2022-12-30', 70, 70, 70, 70, 70),
    ('00000000-0000-0000-0000-0000000000c1', '2022-12-31', 10, 10, 10, 10, 10);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000c1', '2022-12-31', 90, 90, 90, 90, 90);
SELECT pg_temp.day('00000000-0000-0000-0000-0000000000c1', '2023-01-01', 80, 80, 80, 80, 80);

-- ---------------------------------------------------------------------------------------
-- Full refresh of every type over 2022..2024.
-- WEEK rows: A 02-04, 02-11; B 04-07, 04-21; C 2023-01-01 = 5.
-- MONTH rows: A 01-31, 02-29; B 04-30; C 2022-12-31, 2023-01-31 = 5.
-- QUARTER rows: A 03-31; B 06-30; C 2022-12-31, 2023-03-31 = 4.
-- ---------------------------------------------------------------------------------------
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2022-01-01', '2024-12-31'), 5::bigint, 'weeks written');
SELECT pg_temp.assert_eq(refresh_performance_history('MONTH', '2022-01-01', '2024-12-31'), 5::bigint, 'months written');
SELECT pg_temp.assert_eq(refresh_performance_history('QUARTER', '2022-01-01', '2024-12-31'), 4::bigint, 'quarters written');
SELECT pg_temp.assert_eq((SELECT count(*) FROM performance_history), 14::bigint, 'history rows');

-- A, week ending 2024-02-04 (Jan 30, Feb 2, Feb 3; crosses the month):
--   service (80+90+70)/3 = 80.00, productivity (70+80+60)/3 = 70.00,
--   quality (90+80)/2 = 85.00 (Feb 2's NULL ignored), attendance (100+95+90)/3 = 95.00,
--   adherence (60+70+50)/3 = 60.00, composite (81+71)/2 = 76.00 (NULL ignored);
--   variance of 81, 71: ((81-76)^2 + (71-76)^2) / 1 = 50.00; 3 days; week of 01-28 empty: no trends.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-04'),
    '80.00 70.00 85.00 95.00 60.00 c=76.00 | t=- - - - - | var=50.00 days=3', 'A week 02-04');
-- Events: PIP ended 01-31, session 02-01, action item 02-03 (23:30 UTC).
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-04'),
    'PIP_ENDED@2024-01-31,SESSION_COMPLETED@2024-02-01,ACTION_ITEM_COMPLETED@2024-02-03', 'A week 02-04 events');
SELECT pg_temp.assert_eq(
    (SELECT annotations FROM performance_history
     WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND period_type = 'WEEK'
       AND period_ending = '2024-02-04'),
    '{"events": [
        {"date": "2024-01-31", "type": "PIP_ENDED", "id": "00000000-0000-0000-0000-00000000e101",
         "description": "Performance improvement plan ended (SUCCESS)"},
        {"date": "2024-02-01", "type": "SESSION_COMPLETED", "id": "00000000-0000-0000-0000-00000000e001",
         "description": "REGULAR coaching session completed"},
        {"date": "2024-02-03", "type": "ACTION_ITEM_COMPLETED", "id": "00000000-0000-0000-0000-00000000e201",
         "description": "Action item completed: Review call recordings"}]}'::jsonb,
    'A week 02-04 annotations');

-- A, week ending 2024-02-11 (Feb 5 only): one day, variance NULL; trends against 02-04:
--   90-80 = 10.00, 75-70 = 5.00, 85-85 = 0.00, 100-95 = 5.00, 80-60 = 20.00. Event: PIP started 02-05.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-11'),
    '90.00 75.00 85.00 100.00 80.00 c=86.50 | t=10.00 5.00 0.00 5.00 20.00 | var=- days=1', 'A week 02-11');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-11'),
    'PIP_STARTED@2024-02-05', 'A week 02-11 events');

-- A, January (Jan 30 only): one day; December 2023 empty: no trends. Event: PIP ended 01-31.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-01-31'),
    '80.00 70.00 90.00 100.00 60.00 c=81.00 | t=- - - - - | var=- days=1', 'A January');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-01-31'),
    'PIP_ENDED@2024-01-31', 'A January events');
-- A, February (Feb 2, 3, 5):
--   service (90+70+90)/3 = 83.333 -> 83.33; productivity (80+60+75)/3 = 71.667 -> 71.67;
--   quality (80+85)/2 = 82.50; attendance (95+90+100)/3 = 95.00; adherence (70+50+80)/3 = 66.67;
--   composite (71+86.5)/2 = 78.75; variance ((71-78.75)^2 + (86.5-78.75)^2)/1 = 2 * 60.0625
--   = 120.125 -> 120.13 (half away from zero);
--   trends against January: 83.33-80 = 3.33, 71.67-70 = 1.67, 82.50-90 = -7.50,
--   95-100 = -5.00, 66.67-60 = 6.67.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-02-29'),
    '83.33 71.67 82.50 95.00 66.67 c=78.75 | t=3.33 1.67 -7.50 -5.00 6.67 | var=120.13 days=3', 'A February');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-02-29'),
    'SESSION_COMPLETED@2024-02-01,ACTION_ITEM_COMPLETED@2024-02-03,PIP_STARTED@2024-02-05', 'A February events');
-- A, Q1 2024 (all four days): service (80+90+70+90)/4 = 82.50, productivity 285/4 = 71.25,
--   quality (90+80+85)/3 = 85.00, attendance 385/4 = 96.25, adherence 260/4 = 65.00,
--   composite (81+71+86.5)/3 = 79.50; variance: deviations 1.5, -8.5, 7 -> (2.25+72.25+49)/2
--   = 61.75; Q4 2023 empty: no trends; all four events of Jan/Feb.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-03-31'),
    '82.50 71.25 85.00 96.25 65.00 c=79.50 | t=- - - - - | var=61.75 days=4', 'A Q1');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-03-31'),
    'PIP_ENDED@2024-01-31,SESSION_COMPLETED@2024-02-01,ACTION_ITEM_COMPLETED@2024-02-03,PIP_STARTED@2024-02-05',
    'A Q1 events');
-- No rows for A's empty periods (week of 01-28, December, Q4 2023 where the PIP started).
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-01-28'), 'no row', 'A week 01-28');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2023-12-31'), 'no row', 'A Q4 2023');

-- B, week ending 2024-04-07: composites 0 and 100, mean 50, variance (50^2 + 50^2)/1 = 5000.00.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'WEEK', '2024-04-07'),
    '50.00 50.00 50.00 50.00 50.00 c=50.00 | t=- - - - - | var=5000.00 days=2', 'B week 04-07');
-- B, empty week ending 04-14: no row; week ending 04-21 (one day): variance NULL, and no
-- trends because the calendar week before had no data.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'WEEK', '2024-04-14'), 'no row', 'B week 04-14');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'WEEK', '2024-04-21'),
    '60.00 60.00 60.00 60.00 60.00 c=60.00 | t=- - - - - | var=- days=1', 'B week 04-21');
-- B, April and Q2: 0, 100, 60: mean 160/3 = 53.33; variance (13600 - 160^2/3)/2 = 2533.33.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'MONTH', '2024-04-30'),
    '53.33 53.33 53.33 53.33 53.33 c=53.33 | t=- - - - - | var=2533.33 days=3', 'B April');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'QUARTER', '2024-06-30'),
    '53.33 53.33 53.33 53.33 53.33 c=53.33 | t=- - - - - | var=2533.33 days=3', 'B Q2');
SELECT pg_temp.assert_eq(pg_temp.ev('00000000-0000-0000-0000-0000000000b1', 'QUARTER', '2024-06-30'), '', 'B no events');
SELECT pg_temp.assert_eq((SELECT annotations FROM performance_history
                          WHERE agent_id = '00000000-0000-0000-0000-0000000000b1' AND period_type = 'QUARTER'),
                         '{"events": []}'::jsonb, 'B empty annotations');

-- C, week ending 2023-01-01: 70 (archived), 90 (live wins over the archived 10), 80:
--   3 days, mean 80.00, variance (100 + 100 + 0)/2 = 100.00.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000c1', 'WEEK', '2023-01-01'),
    '80.00 80.00 80.00 80.00 80.00 c=80.00 | t=- - - - - | var=100.00 days=3', 'C week 2023-01-01');
-- C, December 2022: 70, 90 -> 80.00, variance 200.00; January 2023: 80, trend 80-80 = 0.00.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000c1', 'MONTH', '2022-12-31'),
    '80.00 80.00 80.00 80.00 80.00 c=80.00 | t=- - - - - | var=200.00 days=2', 'C December 2022');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000c1', 'MONTH', '2023-01-31'),
    '80.00 80.00 80.00 80.00 80.00 c=80.00 | t=0.00 0.00 0.00 0.00 0.00 | var=- days=1', 'C January 2023');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000c1', 'QUARTER', '2022-12-31'),
    '80.00 80.00 80.00 80.00 80.00 c=80.00 | t=- - - - - | var=200.00 days=2', 'C Q4 2022');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000c1', 'QUARTER', '2023-03-31'),
    '80.00 80.00 80.00 80.00 80.00 c=80.00 | t=0.00 0.00 0.00 0.00 0.00 | var=- days=1', 'C Q1 2023');

-- ---------------------------------------------------------------------------------------
-- Refreshing again changes nothing and writes nothing (updated_at kept).
-- ---------------------------------------------------------------------------------------
CREATE TEMP TABLE before_refresh AS SELECT id, updated_at FROM performance_history;
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2022-01-01', '2024-12-31'), 0::bigint, 'weeks unchanged');
SELECT pg_temp.assert_eq(refresh_performance_history('MONTH', '2022-01-01', '2024-12-31'), 0::bigint, 'months unchanged');
SELECT pg_temp.assert_eq(refresh_performance_history('QUARTER', '2022-01-01', '2024-12-31'), 0::bigint, 'quarters unchanged');
SELECT pg_temp.assert_eq((SELECT count(*) FROM performance_history h JOIN before_refresh b USING (id)
                          WHERE h.updated_at = b.updated_at), 14::bigint, 'no row rewritten');

-- Ranges: a range holding no whole period (Mon 02-05 .. Sat 02-10) and an inverted one write nothing.
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2024-02-05', '2024-02-10'), 0::bigint, 'no period end in range');
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2024-02-11', '2024-02-04'), 0::bigint, 'inverted range');
SELECT pg_temp.assert_eq(refresh_performance_history_for_days('2024-02-11', '2024-02-04'), 0::bigint, 'inverted days');

-- Only the periods ending in the range are written, the one before is read for trends:
-- rebuilding just the week ending 02-11 on an emptied table gives 1 row with its trends.
DELETE FROM performance_history WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND period_type = 'WEEK';
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2024-02-11', '2024-02-11'), 1::bigint, 'one week');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-04'), 'no row', 'week before not written');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-11'),
    '90.00 75.00 85.00 100.00 80.00 c=86.50 | t=10.00 5.00 0.00 5.00 20.00 | var=- days=1', 'A week 02-11 alone');
-- p_from inside a week starts with that week: 2024-02-01 (Thu) .. 02-04 writes the week ending 02-04.
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2024-02-01', '2024-02-04'), 1::bigint, 'week from mid-week');

-- ---------------------------------------------------------------------------------------
-- A day of A changes: 2024-01-30 service 80 -> 100, composite 25 + 14 + 18 + 20 + 9 = 86.00.
-- refresh_performance_history_for_days('2024-01-30', '2024-01-30', {A}) rewrites the periods
-- holding that day and the next ones (their trends): weeks 02-04 and 02-11, January and
-- February, Q1 (Q2 of A has no data) = 5 rows. B and C are not touched.
-- ---------------------------------------------------------------------------------------
UPDATE performance_metrics SET service_score = 100
WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND metric_date = '2024-01-30';
UPDATE performance_metrics SET service_score = 0
WHERE agent_id = '00000000-0000-0000-0000-0000000000b1' AND metric_date = '2024-04-17';
SELECT pg_temp.assert_eq(refresh_performance_history_for_days('2024-01-30', '2024-01-30',
                                                              ARRAY['00000000-0000-0000-0000-0000000000a1'::uuid]),
                         5::bigint, 'incremental refresh of A');
-- week 02-04: service (100+90+70)/3 = 86.67; composite (86+71)/2 = 78.50; variance 2 * 7.5^2 = 112.50.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-04'),
    '86.67 70.00 85.00 95.00 60.00 c=78.50 | t=- - - - - | var=112.50 days=3', 'A week 02-04 after change');
-- week 02-11: service trend 90 - 86.67 = 3.33.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-11'),
    '90.00 75.00 85.00 100.00 80.00 c=86.50 | t=3.33 5.00 0.00 5.00 20.00 | var=- days=1', 'A week 02-11 after change');
-- January: 100, composite 86.00; February's service trend 83.33 - 100 = -16.67.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-01-31'),
    '100.00 70.00 90.00 100.00 60.00 c=86.00 | t=- - - - - | var=- days=1', 'A January after change');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-02-29'),
    '83.33 71.67 82.50 95.00 66.67 c=78.75 | t=-16.67 1.67 -7.50 -5.00 6.67 | var=120.13 days=3', 'A February after change');
-- Q1: service (100+90+70+90)/4 = 87.50; composite (86+71+86.5)/3 = 81.17 (243.5/3 = 81.1667);
-- variance: sum 243.5, squares 7396 + 5041 + 7482.25 = 19919.25; (19919.25 - 243.5^2/3)/2
-- = (19919.25 - 19764.0833)/2 = 77.5833 -> 77.58.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'QUARTER', '2024-03-31'),
    '87.50 71.25 85.00 96.25 65.00 c=81.17 | t=- - - - - | var=77.58 days=4', 'A Q1 after change');
-- B was changed but not refreshed: still 60.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'WEEK', '2024-04-21'),
    '60.00 60.00 60.00 60.00 60.00 c=60.00 | t=- - - - - | var=- days=1', 'B untouched');

-- ---------------------------------------------------------------------------------------
-- A period that lost its data loses its row: delete A's only day of the week ending 02-11.
-- Weeks: 02-11 deleted (1). Months: February rewritten (2 days now) (1). Q1 rewritten (1).
-- ---------------------------------------------------------------------------------------
DELETE FROM performance_metrics WHERE agent_id = '00000000-0000-0000-0000-0000000000a1' AND metric_date = '2024-02-05';
SELECT pg_temp.assert_eq(refresh_performance_history('WEEK', '2024-01-01', '2024-03-31',
                                                     ARRAY['00000000-0000-0000-0000-0000000000a1'::uuid]),
                         1::bigint, 'week without data deleted');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'WEEK', '2024-02-11'), 'no row', 'A week 02-11 gone');
SELECT pg_temp.assert_eq(refresh_performance_history_for_days('2024-02-05', '2024-02-05',
                                                              ARRAY['00000000-0000-0000-0000-0000000000a1'::uuid]),
                         2::bigint, 'February and Q1 rewritten');
-- February now Feb 2, 3: service 80.00, productivity 70.00, quality 80.00, attendance 92.50,
-- adherence 60.00, composite 71.00 (one non-NULL), variance NULL (one composite);
-- trends against January (100/70/90/100/60): -20.00 0.00 -10.00 -7.50 0.00.
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000a1', 'MONTH', '2024-02-29'),
    '80.00 70.00 80.00 92.50 60.00 c=71.00 | t=-20.00 0.00 -10.00 -7.50 0.00 | var=- days=2', 'A February, two days');

-- Every agent, full range: B's week 04-21, April, Q2 change (service 0 on 04-17):
-- B week 04-21: service 0.00, composite 0 + 12 + 12 + 12 + 9 = 45.00.
SELECT pg_temp.assert_eq(refresh_performance_history_for_days('2022-01-01', '2024-12-31'), 3::bigint, 'B caught up');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000b1', 'WEEK', '2024-04-21'),
    '0.00 60.00 60.00 60.00 60.00 c=45.00 | t=- - - - - | var=- days=1', 'B week 04-21 after change');

-- Largest values: an agent at 100 every day of Q1 2024 (91 days, leap year) and of every week.
INSERT INTO users (id, email, password_hash, name, role)
VALUES ('00000000-0000-0000-0000-0000000000d1', 'hd@example.com', 'x', 'D', 'AGENT');
INSERT INTO performance_metrics (agent_id, metric_date, service_score, productivity_score,
                                 quality_score, attendance_rate, adherence_score)
SELECT '00000000-0000-0000-0000-0000000000d1', d::date, 100, 100, 100, 100, 100
FROM generate_series('2024-01-01'::date, '2024-03-31'::date, '1 day') d;
-- Weeks ending 01-07 .. 03-31: 13; months 3; quarter 1 = 17 rows.
SELECT pg_temp.assert_eq(refresh_performance_history_for_days('2024-01-01', '2024-03-31',
                                                              ARRAY['00000000-0000-0000-0000-0000000000d1'::uuid]),
                         17::bigint, 'D rows');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000d1', 'QUARTER', '2024-03-31'),
    '100.00 100.00 100.00 100.00 100.00 c=100.00 | t=- - - - - | var=0.00 days=91', 'D Q1');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000d1', 'MONTH', '2024-03-31'),
    '100.00 100.00 100.00 100.00 100.00 c=100.00 | t=0.00 0.00 0.00 0.00 0.00 | var=0.00 days=31', 'D March');
SELECT pg_temp.assert_eq(pg_temp.h('00000000-0000-0000-0000-0000000000d1', 'WEEK', '2024-03-31'),
    '100.00 100.00 100.00 100.00 100.00 c=100.00 | t=0.00 0.00 0.00 0.00 0.00 | var=0.00 days=7', 'D last week');
