-- history_refresh_part / refresh_performance_history_type_for_days in parts (0014): the period
-- endings each part covers, worked out by hand, and parts that write exactly what the whole
-- range writes. 2024-01-01 is a Monday.

-- The bounds of part p of n as text ('' when the part has no row).
CREATE OR REPLACE FUNCTION pg_temp.part(t text, f text, l text, p int, n int)
RETURNS text
LANGUAGE sql
AS $$
    SELECT coalesce((SELECT first_ending || ' ' || last_ending
                       FROM history_refresh_part(t::period_type, f::date, l::date, p, n)), '');
$$;

-- WEEK, Monday 2024-01-01 .. Sunday 2024-01-28 (28 days) in two parts: the first part's last
-- day is 01-01 + 28 * 1 / 2 - 1 = 01-14 (a Sunday). Part 0: week ending 01-07 through the one
-- ending 01-14; part 1: from the period starting 01-15 to the week after the last one
-- (ending 02-04). One part of one: 01-07 .. 02-04.
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-28', 0, 2), '2024-01-07 2024-01-14', 'week part 0 of 2');
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-28', 1, 2), '2024-01-15 2024-02-04', 'week part 1 of 2');
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-28', 0, 1), '2024-01-07 2024-02-04', 'week whole');

-- One Wednesday (01-03) in two parts: part 0's last day is 01-03 + 1 * 1 / 2 - 1 = 01-02, in
-- the same week, so part 0 is that week (ending 01-07) and part 1 the week after (from 01-08,
-- ending 01-14).
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-03', '2024-01-03', 0, 2), '2024-01-07 2024-01-07', 'one Wednesday, part 0');
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-03', '2024-01-03', 1, 2), '2024-01-08 2024-01-14', 'one Wednesday, part 1');

-- One Monday (01-01): part 0 would end with the week of 2023-12-31, before its first week
-- (ending 01-07): no row; part 1 covers the endings from 01-01 (the first is 01-07) to 01-14.
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-01', 0, 2), '', 'one Monday, part 0 empty');
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-01', 1, 2), '2024-01-01 2024-01-14', 'one Monday, part 1');

-- MONTH, 2024-01-15 .. 2024-03-10 (17 + 29 + 10 = 56 days) in three parts. Last days: part 0
-- 01-15 + 56 * 1 / 3 - 1 = 01-15 + 17 = 02-01; part 1 01-15 + 56 * 2 / 3 - 1 = 01-15 + 36 =
-- 02-20. Part 0: January and February; part 1: from 03-01 to February's end, no row; part 2:
-- from 03-01 to the month after March (ending 04-30).
SELECT pg_temp.assert_eq(pg_temp.part('MONTH', '2024-01-15', '2024-03-10', 0, 3), '2024-01-31 2024-02-29', 'month part 0 of 3');
SELECT pg_temp.assert_eq(pg_temp.part('MONTH', '2024-01-15', '2024-03-10', 1, 3), '', 'month part 1 of 3 empty');
SELECT pg_temp.assert_eq(pg_temp.part('MONTH', '2024-01-15', '2024-03-10', 2, 3), '2024-03-01 2024-04-30', 'month part 2 of 3');

-- No part for an inverted range or a part number out of range.
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-28', '2024-01-01', 0, 1), '', 'inverted range');
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-28', 2, 2), '', 'part 2 of 2');
SELECT pg_temp.assert_eq(pg_temp.part('WEEK', '2024-01-01', '2024-01-28', -1, 2), '', 'part -1');

-- The parts write what the whole range writes. Agent A: composites 50, 100, 0, 75 on 01-03,
-- 01-10, 01-17, 01-24 (one day in each of four weeks).
INSERT INTO users (id, email, password_hash, name, role) VALUES
    ('00000000-0000-0000-0000-0000000000a1', 'pa@example.com', 'x', 'A', 'AGENT');
INSERT INTO performance_metrics (agent_id, metric_date, service_score, productivity_score,
                                 quality_score, attendance_rate, adherence_score)
SELECT '00000000-0000-0000-0000-0000000000a1', d::date, v, v, v, v, v
  FROM (VALUES ('2024-01-03', 50), ('2024-01-10', 100), ('2024-01-17', 0), ('2024-01-24', 75)) x (d, v);

-- The history as text: one "type ending composite trend" per row.
CREATE OR REPLACE FUNCTION pg_temp.rows()
RETURNS text
LANGUAGE sql
AS $$
    SELECT string_agg(period_type || ' ' || period_ending || ' ' || avg_composite_score || ' '
                      || coalesce(service_trend::text, '-'), ', '
                      ORDER BY period_type, period_ending)
      FROM performance_history;
$$;

-- Whole range, one part of one: weeks ending 01-07 (50), 01-14 (100, +50), 01-21 (0, -100),
-- 01-28 (75, +75); January (56.25, mean of the four).
SELECT pg_temp.assert_eq(refresh_performance_history_type_for_days('WEEK', '2024-01-01', '2024-01-31'), 4::bigint, 'weeks written whole');
SELECT pg_temp.assert_eq(refresh_performance_history_type_for_days('MONTH', '2024-01-01', '2024-01-31'), 1::bigint, 'month written whole');
SELECT pg_temp.assert_eq(pg_temp.rows(),
    'WEEK 2024-01-07 50.00 -, WEEK 2024-01-14 100.00 50.00, WEEK 2024-01-21 0.00 -100.00, WEEK 2024-01-28 75.00 75.00, MONTH 2024-01-31 56.25 -',
    'whole range');

-- In two parts (part 0's last day is 01-01 + 31 * 1 / 2 - 1 = 01-15: the weeks ending 01-07,
-- 01-14 and 01-21; part 1 from 01-22 to the week ending 02-11): the same rows, each written once.
TRUNCATE performance_history;
SELECT pg_temp.assert_eq(refresh_performance_history_type_for_days('WEEK', '2024-01-01', '2024-01-31', NULL, 0, 2), 3::bigint, 'week part 0 writes three');
SELECT pg_temp.assert_eq(refresh_performance_history_type_for_days('WEEK', '2024-01-01', '2024-01-31', NULL, 1, 2), 1::bigint, 'week part 1 writes one');
SELECT pg_temp.assert_eq(refresh_performance_history_type_for_days('MONTH', '2024-01-01', '2024-01-31', NULL, 0, 1), 1::bigint, 'month in one part');
SELECT pg_temp.assert_eq(pg_temp.rows(),
    'WEEK 2024-01-07 50.00 -, WEEK 2024-01-14 100.00 50.00, WEEK 2024-01-21 0.00 -100.00, WEEK 2024-01-28 75.00 75.00, MONTH 2024-01-31 56.25 -',
    'parts write the same rows');

-- A part deletes the rows of its own periods left without data, not the other part's: drop
-- the day of 01-24, refresh part 1 only (from 01-22): the week ending 01-28 goes, the others
-- stay.
DELETE FROM performance_metrics WHERE metric_date = '2024-01-24';
SELECT pg_temp.assert_eq(refresh_performance_history_type_for_days('WEEK', '2024-01-01', '2024-01-31', NULL, 1, 2), 1::bigint, 'part 1 deletes one');
SELECT pg_temp.assert_eq(pg_temp.rows(),
    'WEEK 2024-01-07 50.00 -, WEEK 2024-01-14 100.00 50.00, WEEK 2024-01-21 0.00 -100.00, MONTH 2024-01-31 56.25 -',
    'part 1 deleted its week only');
