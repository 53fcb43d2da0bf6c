-- The staging table of a COACHING_HISTORY import (filled by sessions_copy.sql).
CREATE TEMP TABLE import_staging (
    row_no int, agent_id uuid, team_leader_id uuid, scheduled_date timestamptz,
    actual_start_time timestamptz, actual_end_time timestamptz, duration_minutes int,
    session_type session_type, topics_covered text[], discussion_notes text,
    agent_commitments text, resources_shared text[], engagement_score int,
    receptiveness_score int, understanding_score int, overall_effectiveness int,
    key_achievements text, areas_of_concern text, follow_up_required boolean,
    follow_up_date date, follow_up_topics text[]
) ON COMMIT DROP
