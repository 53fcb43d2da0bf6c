-- Takes the committed 'percentiles' rows of the refresh queue (0031). taken: how many; due:
-- whether the ranking must be computed (rows taken, or derived_as_of holds another day than
-- today); today: coach_today(), the day to compute it for. Rows queued by transactions that
-- commit after this statement's snapshot stay for the next drain.
WITH taken AS (
    DELETE FROM derived_refresh_queue WHERE kind = 'percentiles' RETURNING id
)
SELECT count(*) AS taken,
       count(*) > 0
       OR (SELECT as_of FROM derived_as_of WHERE name = 'percentiles')
          IS DISTINCT FROM coach_today() AS due,
       coach_today()::text AS today
  FROM taken
