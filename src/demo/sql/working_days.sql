-- Creates pg_temp.coach_demo_load_working_days, a step of the demo loader (create_loader.sql calls
-- the steps in order, passing each the variables it reads). It writes the agents' working days
-- (scratch table coach_demo_days): Mon-Fri, minus two vacation weeks and sick days; every agent
-- works one weekend in five (so yesterday always has data, even on a Sunday).
CREATE OR REPLACE FUNCTION pg_temp.coach_demo_load_working_days(
    s text, p_seed integer, v_end date, v_start date)
RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
    CREATE TEMP TABLE coach_demo_days ON COMMIT DROP AS
    SELECT a.n, a.id AS agent_id, d.day
    FROM coach_demo_agents a
    CROSS JOIN LATERAL (
        SELECT g::date AS day,
               -- global week number (weeks start on Monday; 2000-01-03 was a Monday)
               (g::date - DATE '2000-01-03') / 7 AS week
        FROM generate_series(v_start, v_end, INTERVAL '1 day') AS g
    ) d
    WHERE d.week - (v_start - DATE '2000-01-03') / 7 NOT IN (a.vacation1, a.vacation2)
      AND CASE WHEN extract(isodow FROM d.day) <= 5 THEN TRUE
               ELSE (d.week + a.n + p_seed) % 5 = 0 END
      AND pg_temp.coach_demo_u(md5(s || 'presence:' || a.n || ':' || d.day), 1)
          >= a.absence_rate;
    CREATE INDEX ON coach_demo_days (n, day);
    ANALYZE coach_demo_agents;
    ANALYZE coach_demo_days;
END;
$fn$;
