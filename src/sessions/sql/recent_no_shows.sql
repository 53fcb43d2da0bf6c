-- How many days ago (in the session's time zone, the organisation's) each of agent $1's
-- no-shows of the last 30 days was scheduled: sessions::no_shows_alert reads them.
SELECT (coach_today() - cs.scheduled_date::date) AS days_ago
  FROM coaching_sessions cs
 WHERE cs.agent_id = $1::uuid AND cs.status = 'NO_SHOW'
   AND cs.scheduled_date >= coach_today() - 30
