-- The staging table of a PROFILES import (filled by profiles_copy.sql).
CREATE TEMP TABLE import_staging (
    row_no int, agent_id uuid, learning_style learning_style, preferred_feedback_method text,
    primary_motivators text[], demotivators text[], core_strengths text[],
    development_areas text[], hidden_talents text[], stress_indicators text[],
    success_patterns text[], best_coaching_time text, preferred_session_length int,
    responds_well_to text[], career_aspirations text, personal_goals text,
    peer_comparison_opt_in boolean
) ON COMMIT DROP
