-- The PROFILES upsert from import_staging (profiles_staging.sql): $1 the import's id, $2 the
-- importer. A blank cell (NULL) keeps the value; unchanged profiles are not touched (skipped);
-- the previous values of the columns a rollback restores (table_import.cpp, kTableTargets) are
-- recorded in import_row_changes. inserted, updated: the counts.
WITH old AS (
    SELECT p.agent_id, p.learning_style, p.preferred_feedback_method, p.primary_motivators,
           p.demotivators, p.core_strengths, p.development_areas, p.hidden_talents,
           p.stress_indicators, p.success_patterns, p.best_coaching_time,
           p.preferred_session_length, p.responds_well_to, p.career_aspirations,
           p.personal_goals, p.peer_comparison_opt_in, p.profile_created_by, p.last_updated_by,
           p.updated_at
      FROM agent_profiles p JOIN import_staging s USING (agent_id)
), merged AS (
    -- Each staged row over its stored profile: a blank cell (NULL) is no key of the row's
    -- JSON, and jsonb_populate_record keeps the stored value of what the JSON lacks.
    SELECT n.*
      FROM agent_profiles p
      JOIN import_staging s USING (agent_id)
     CROSS JOIN LATERAL jsonb_populate_record(p, jsonb_strip_nulls(to_jsonb(s))) n
), upd AS (
    UPDATE agent_profiles p
       SET (learning_style, preferred_feedback_method, primary_motivators, demotivators,
            core_strengths, development_areas, hidden_talents, stress_indicators,
            success_patterns, best_coaching_time, preferred_session_length, responds_well_to,
            career_aspirations, personal_goals, peer_comparison_opt_in, last_updated_by) =
           (n.learning_style, n.preferred_feedback_method, n.primary_motivators, n.demotivators,
            n.core_strengths, n.development_areas, n.hidden_talents, n.stress_indicators,
            n.success_patterns, n.best_coaching_time, n.preferred_session_length,
            n.responds_well_to, n.career_aspirations, n.personal_goals,
            n.peer_comparison_opt_in, $2::uuid)
      FROM merged n
     WHERE p.agent_id = n.agent_id
       AND ROW(n.*) IS DISTINCT FROM ROW(p.*)
    RETURNING p.agent_id
), ins AS (
    INSERT INTO agent_profiles (agent_id, learning_style, preferred_feedback_method,
                                primary_motivators, demotivators, core_strengths,
                                development_areas, hidden_talents, stress_indicators,
                                success_patterns, best_coaching_time, preferred_session_length,
                                responds_well_to, career_aspirations, personal_goals,
                                peer_comparison_opt_in, profile_created_by, last_updated_by)
    SELECT s.agent_id, s.learning_style, s.preferred_feedback_method, s.primary_motivators,
           s.demotivators, s.core_strengths, s.development_areas, s.hidden_talents,
           s.stress_indicators, s.success_patterns, s.best_coaching_time,
           s.preferred_session_length, s.responds_well_to, s.career_aspirations,
           s.personal_goals, coalesce(s.peer_comparison_opt_in, true), $2::uuid, $2::uuid
      FROM import_staging s
     WHERE NOT EXISTS (SELECT 1 FROM agent_profiles p WHERE p.agent_id = s.agent_id)
    RETURNING agent_id
), changes AS (
    INSERT INTO import_row_changes (import_id, table_name, row_id, action, before)
    SELECT $1::uuid, 'agent_profiles', agent_id, 'INSERTED'::import_change_action, NULL::jsonb
      FROM ins
    UNION ALL
    SELECT $1::uuid, 'agent_profiles', old.agent_id, 'UPDATED', to_jsonb(old)
      FROM upd JOIN old USING (agent_id)
    RETURNING action
)
SELECT count(*) FILTER (WHERE action = 'INSERTED') AS inserted,
       count(*) FILTER (WHERE action = 'UPDATED') AS updated
  FROM changes
