-- The COACHING_HISTORY upsert from import_staging (sessions_staging.sql), $1 the import's id.
-- Every row becomes a COMPLETED session of (agent_id, team_leader_id, scheduled_date); a blank
-- cell (NULL) keeps the session's value. Unchanged sessions are not touched (skipped); each
-- change is recorded in import_row_changes. inserted, updated: the counts.
WITH old AS (
    SELECT cs.id, cs.agent_id, cs.team_leader_id, cs.scheduled_date, cs.actual_start_time,
           cs.actual_end_time, cs.status, cs.session_type, cs.topics_covered,
           cs.discussion_notes, cs.agent_commitments, cs.resources_shared, cs.engagement_score,
           cs.receptiveness_score, cs.understanding_score, cs.overall_effectiveness,
           cs.key_achievements, cs.areas_of_concern, cs.follow_up_required, cs.follow_up_date,
           cs.follow_up_topics, cs.updated_at
      FROM coaching_sessions cs
      JOIN import_staging s USING (agent_id, team_leader_id, scheduled_date)
), src AS (
    -- Times: a row that gives a start, an end or a duration replaces both stored times (start:
    -- the row's, else its session date; end: the row's, else start + duration, else none),
    -- so they never mix into an end before the start. A row without times keeps the stored
    -- ones (an end before the session date is dropped).
    SELECT s.*, cs.id AS session_id,
           s.actual_start_time IS NULL AND s.actual_end_time IS NULL
               AND s.duration_minutes IS NULL AS keeps_times,
           cs.actual_start_time AS stored_start, cs.actual_end_time AS stored_end
      FROM import_staging s
      LEFT JOIN coaching_sessions cs USING (agent_id, team_leader_id, scheduled_date)
), starts AS (
    SELECT src.*, CASE WHEN keeps_times THEN coalesce(stored_start, scheduled_date)
                       ELSE coalesce(actual_start_time, scheduled_date) END AS start_at
      FROM src
), val AS (
    SELECT starts.*,
           CASE WHEN keeps_times THEN CASE WHEN stored_end >= start_at THEN stored_end END
                ELSE coalesce(actual_end_time, start_at + make_interval(mins => duration_minutes))
           END AS end_at
      FROM starts
), merged AS (
    -- Each staged row over its stored session: a blank cell (NULL) is no key of the row's
    -- JSON, and jsonb_populate_record keeps the stored value of what the JSON lacks; the times
    -- and the status are always the row's (duration_minutes is generated from the times).
    SELECT n.*
      FROM val s
      JOIN coaching_sessions cs ON cs.id = s.session_id
     CROSS JOIN LATERAL jsonb_populate_record(
               cs, jsonb_strip_nulls(to_jsonb(s) - 'duration_minutes')
                   || jsonb_build_object('actual_start_time', s.start_at,
                                         'actual_end_time', s.end_at, 'status', 'COMPLETED')) n
), upd AS (
    UPDATE coaching_sessions cs
       SET (actual_start_time, actual_end_time, status, session_type, topics_covered,
            discussion_notes, agent_commitments, resources_shared, engagement_score,
            receptiveness_score, understanding_score, overall_effectiveness, key_achievements,
            areas_of_concern, follow_up_required, follow_up_date, follow_up_topics) =
           (n.actual_start_time, n.actual_end_time, n.status, n.session_type, n.topics_covered,
            n.discussion_notes, n.agent_commitments, n.resources_shared, n.engagement_score,
            n.receptiveness_score, n.understanding_score, n.overall_effectiveness,
            n.key_achievements, n.areas_of_concern, n.follow_up_required, n.follow_up_date,
            n.follow_up_topics)
      FROM merged n
     WHERE cs.id = n.id
       AND ROW(n.*) IS DISTINCT FROM ROW(cs.*)
    RETURNING cs.id, cs.agent_id, cs.actual_start_time
), ins AS (
    INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, actual_start_time,
                                   actual_end_time, status, session_type, topics_covered,
                                   discussion_notes, agent_commitments, resources_shared,
                                   engagement_score, receptiveness_score, understanding_score,
                                   overall_effectiveness, key_achievements, areas_of_concern,
                                   follow_up_required, follow_up_date, follow_up_topics)
    SELECT s.agent_id, s.team_leader_id, s.scheduled_date, s.start_at, s.end_at, 'COMPLETED',
           coalesce(s.session_type, 'REGULAR'), s.topics_covered, s.discussion_notes,
           s.agent_commitments, s.resources_shared, s.engagement_score, s.receptiveness_score,
           s.understanding_score, s.overall_effectiveness, s.key_achievements,
           s.areas_of_concern, coalesce(s.follow_up_required, false), s.follow_up_date,
           s.follow_up_topics
      FROM val s WHERE s.session_id IS NULL
    RETURNING id, agent_id, actual_start_time
), changes AS (
    INSERT INTO import_row_changes (import_id, table_name, row_id, action, before, agent_id,
                                    occurred_on)
    SELECT $1::uuid, 'coaching_sessions', id, 'INSERTED'::import_change_action, NULL::jsonb,
           agent_id, actual_start_time::date
      FROM ins
    UNION ALL
    SELECT $1::uuid, 'coaching_sessions', old.id, 'UPDATED', to_jsonb(old), upd.agent_id,
           upd.actual_start_time::date
      FROM upd JOIN old USING (id)
    RETURNING action
)
SELECT count(*) FILTER (WHERE action = 'INSERTED') AS inserted,
       count(*) FILTER (WHERE action = 'UPDATED') AS updated
  FROM changes
