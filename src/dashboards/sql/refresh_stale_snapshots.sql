-- Refreshes, as of $2 (a date; NULL: coach_today()), the snapshots of agents $1 (uuid[]) that
-- were computed for another day: the organisation's midnight passed, or its zone changed, since
-- (docs/domain.md, "Dashboard snapshot"). Agents already current cost one index lookup each and
-- take no lock. refreshed: the number of snapshots written.
SELECT CASE WHEN cardinality(a.ids) = 0 THEN 0
            ELSE refresh_agent_snapshots(a.ids, a.today) END AS refreshed
  FROM (SELECT ARRAY(SELECT s.agent_id
                       FROM agent_dashboard_snapshot s
                      WHERE s.agent_id = ANY ($1::uuid[])
                        AND s.as_of IS DISTINCT FROM coalesce($2::date, coach_today())) AS ids,
               coalesce($2::date, coach_today()) AS today) a
