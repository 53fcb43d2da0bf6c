-- The checked rows of a COACHING_HISTORY file, in the order sessions_rows.cpp writes them.
COPY import_staging (row_no, agent_id, team_leader_id, scheduled_date, actual_start_time,
                     actual_end_time, duration_minutes, session_type, topics_covered,
                     discussion_notes, agent_commitments, resources_shared, engagement_score,
                     receptiveness_score, understanding_score, overall_effectiveness,
                     key_achievements, areas_of_concern, follow_up_required, follow_up_date,
                     follow_up_topics) FROM STDIN
