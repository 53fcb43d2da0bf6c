-- due: whether the drainer (jobs/derived.cpp) has work: refreshes queued by committed
-- transactions (0031), or a ranking computed for another day than today (the day rolled over,
-- or none was ever computed). Cheap: run every tick on the event loop.
SELECT EXISTS (SELECT 1 FROM derived_refresh_queue)
       OR (SELECT as_of FROM derived_as_of WHERE name = 'percentiles')
          IS DISTINCT FROM coach_today() AS due
