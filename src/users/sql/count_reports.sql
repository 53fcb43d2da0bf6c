-- How many live users report to $1 (as their team leader or manager).
SELECT count(*) AS reports
  FROM users
 WHERE (team_leader_id = $1::uuid OR manager_id = $1::uuid)
   AND deleted_at IS NULL
