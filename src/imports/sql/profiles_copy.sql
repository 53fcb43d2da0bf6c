-- The checked rows of a PROFILES file: row_no, agent_id, then the profile columns of
-- profiles_columns() in their order (tests/unit/imports_sql_test.cpp checks the two agree).
COPY import_staging (row_no, agent_id, learning_style, preferred_feedback_method,
                     primary_motivators, demotivators, core_strengths, development_areas,
                     hidden_talents, stress_indicators, success_patterns, best_coaching_time,
                     preferred_session_length, responds_well_to, career_aspirations,
                     personal_goals, peer_comparison_opt_in) FROM STDIN
