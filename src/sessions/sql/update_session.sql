-- Sets the columns of session $1 that the JSON object $2 names (a JSON null clears one); the
-- others keep their value. $2 holds only the fields of sessions::SessionInput's whitelist.
-- $3: who changes it; when the time or length changes, the old ones are appended to
-- schedule_history (times at UTC, utc_json). The version trigger bumps version.
UPDATE coaching_sessions cs
   SET (scheduled_date, planned_minutes, session_type, topics_covered, discussion_notes,
        agent_commitments, resources_shared, engagement_score, receptiveness_score,
        understanding_score, overall_effectiveness, summary, key_achievements,
        areas_of_concern, follow_up_required, follow_up_date, follow_up_topics)
     = (SELECT r.scheduled_date, r.planned_minutes, r.session_type, r.topics_covered,
               r.discussion_notes, r.agent_commitments, r.resources_shared, r.engagement_score,
               r.receptiveness_score, r.understanding_score, r.overall_effectiveness, r.summary,
               r.key_achievements, r.areas_of_concern, r.follow_up_required, r.follow_up_date,
               r.follow_up_topics
          FROM jsonb_populate_record(cs, $2::jsonb) r),
       schedule_history = CASE
           WHEN ($2::jsonb ? 'scheduled_date'
                 AND ($2::jsonb ->> 'scheduled_date')::timestamptz <> cs.scheduled_date)
             OR ($2::jsonb ? 'planned_minutes'
                 AND ($2::jsonb ->> 'planned_minutes')::int <> cs.planned_minutes)
           THEN cs.schedule_history || jsonb_build_array(jsonb_build_object(
                    'scheduled_date', utc_json(cs.scheduled_date),
                    'planned_minutes', cs.planned_minutes, 'changed_at', utc_json(now()),
                    'changed_by', $3::uuid))
           ELSE cs.schedule_history END
 WHERE cs.id = $1::uuid
RETURNING cs.id
