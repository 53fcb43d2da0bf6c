-- Takes the committed 'history' rows of the refresh queue (0031): taken (how many), first_day
-- and last_day (NULL when none), agents (uuid[] as text): what the drain refreshes.
WITH taken AS (
    DELETE FROM derived_refresh_queue WHERE kind = 'history' RETURNING agent_id, day
)
SELECT count(*) AS taken, min(day)::text AS first_day, max(day)::text AS last_day,
       array_agg(DISTINCT agent_id)::text AS agents
  FROM taken
