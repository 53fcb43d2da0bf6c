-- Creates pg_temp.coach_load_demo(p_seed integer, p_password_hash text) RETURNS void: the demo
-- organisation (demo/demo_data.hpp) for the seed, every user with the password hash. It calls
-- the steps pg_temp.coach_demo_load_* (the other files here) in order, passing each the
-- variables it reads; they use the helpers of helpers.sql.
--
-- Deterministic for a seed: no random(), no gen_random_uuid(), no now() in the data. Every id
-- is md5('coach-demo:<seed>:<entity>:<index>')::uuid and every pseudo-random number is a 16-bit
-- slot of an md5 of (seed, entity, index, day). Dates are relative to CURRENT_DATE: 13 months
-- (plus one week) of daily metrics ending yesterday, sessions scheduled up to two weeks ahead.
-- Set-based: INSERT ... SELECT over generate_series, scratch tables ON COMMIT DROP.
--
-- Shape (archetypes assigned by a seeded shuffle of the 80 agents): 1 agent on an ACTIVE PIP
-- (approved by their manager, recovering since), 1 with a DRAFT PIP (attendance collapse in
-- the last quarter), 2 critical (composite < 60), 2 poor, 10 improving, 8 declining, 6 stars,
-- the rest steady between 75 and 90. Mondays are worst, Fridays best; December dips. Completed
-- coaching sessions lift the coached area for about four weeks by an amount that depends on
-- the intervention method and the issue, so coaching_effectiveness ranks methods meaningfully.
CREATE OR REPLACE FUNCTION pg_temp.coach_load_demo(p_seed integer, p_password_hash text)
RETURNS void
LANGUAGE plpgsql
SET jit = off  -- a one-off bulk load: compiling the big expressions costs more than it saves
AS $fn$
DECLARE
    s            text := 'coach-demo:' || p_seed || ':';  -- prefix of every hashed key
    v_today      date := CURRENT_DATE;
    v_end        date := CURRENT_DATE - 1;                  -- last day with metrics
    -- 13 months ending yesterday, plus a week so the oldest 13-month day is always covered
    v_start      date := (CURRENT_DATE - 1 - INTERVAL '13 months')::date - 7;
    v_horizon    date := CURRENT_DATE + 14;                 -- sessions scheduled up to here
    -- the ACTIVE PIP started on the Monday three to four weeks ago
    v_plan_start date := date_trunc('week', CURRENT_DATE - 24)::date;
    v_span       double precision;
BEGIN
    IF EXISTS (SELECT 1 FROM users) THEN
        RAISE EXCEPTION 'demo data needs an empty database (users exist)'
            USING ERRCODE = 'unique_violation';
    END IF;
    v_span := (v_end - v_start)::double precision;

    -- scratch tables of an earlier failed call in this session
    IF to_regclass('pg_temp.coach_demo_agents') IS NOT NULL THEN
        DROP TABLE coach_demo_agents;
    END IF;
    IF to_regclass('pg_temp.coach_demo_days') IS NOT NULL THEN
        DROP TABLE coach_demo_days;
    END IF;
    IF to_regclass('pg_temp.coach_demo_sessions') IS NOT NULL THEN
        DROP TABLE coach_demo_sessions;
    END IF;
    IF to_regclass('pg_temp.coach_demo_bumps') IS NOT NULL THEN
        DROP TABLE coach_demo_bumps;
    END IF;

    PERFORM pg_temp.coach_demo_load_staff(s, p_password_hash, v_today);
    PERFORM pg_temp.coach_demo_load_agents(s, p_seed, p_password_hash, v_start);
    PERFORM pg_temp.coach_demo_load_working_days(s, p_seed, v_end, v_start);
    PERFORM pg_temp.coach_demo_load_sessions(s, v_today, v_end, v_start, v_horizon, v_plan_start);
    PERFORM pg_temp.coach_demo_load_metrics(s, v_start, v_plan_start, v_span);
    PERFORM pg_temp.coach_demo_load_quick_notes(s, v_today, v_end);
    PERFORM pg_temp.coach_demo_load_action_items(s, v_today, v_end);
    PERFORM pg_temp.coach_demo_load_action_plans(s, v_today, v_end, v_plan_start);
    PERFORM pg_temp.coach_demo_load_effectiveness(s, v_end);
    PERFORM pg_temp.coach_demo_load_profiles(s, v_end, v_start);
    PERFORM pg_temp.coach_demo_load_answers(s, v_today);

    DROP TABLE coach_demo_agents, coach_demo_days, coach_demo_sessions, coach_demo_bumps;

    REFRESH MATERIALIZED VIEW team_performance_summary;
END;
$fn$;
