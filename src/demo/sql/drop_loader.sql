-- Drops the functions of the demo loader's files (run after the loader, before COMMIT), so
-- no session state outlives the transaction (pgbouncer transaction mode).
DROP FUNCTION pg_temp.coach_load_demo(integer, text),
              pg_temp.coach_demo_load_staff(text, text, date),
              pg_temp.coach_demo_load_agents(text, integer, text, date),
              pg_temp.coach_demo_load_working_days(text, integer, date, date),
              pg_temp.coach_demo_load_sessions(text, date, date, date, date, date),
              pg_temp.coach_demo_load_metrics(text, date, date, double precision),
              pg_temp.coach_demo_load_quick_notes(text, date, date),
              pg_temp.coach_demo_load_action_items(text, date, date),
              pg_temp.coach_demo_load_action_plans(text, date, date, date),
              pg_temp.coach_demo_load_effectiveness(text, date),
              pg_temp.coach_demo_load_profiles(text, date, date),
              pg_temp.coach_demo_load_answers(text, date),
              pg_temp.coach_demo_n(text, integer),
              pg_temp.coach_demo_u(text, integer),
              pg_temp.coach_demo_clamp(double precision, double precision, double precision)
