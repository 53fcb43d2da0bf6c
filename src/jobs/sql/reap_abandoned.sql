-- Marks FAILED each RUNNING row over a minute old whose job lock nobody holds: its instance
-- stopped mid-run. (The minute covers the moment between inserting the row and taking the
-- lock.) The lock of a bigint key k shows in pg_locks as classid = k >> 32,
-- objid = k & 0xffffffff, objsubid 1. $1 the job ('' for all), $2 db::locks::kJobPrefix.
UPDATE job_runs r
   SET status = 'FAILED', finished_at = greatest(clock_timestamp(), r.started_at),
       error = 'abandoned: the instance running it stopped before it finished'
 WHERE r.status = 'RUNNING'
   AND ($1 = '' OR r.job_name = $1)
   AND r.started_at < now() - interval '1 minute'
   AND NOT EXISTS (
       SELECT 1 FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND ((l.classid::bigint << 32) | l.objid::bigint)
              = hashtext($2::text || r.job_name)::bigint)
