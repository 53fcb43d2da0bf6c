#include "jobs/work.hpp"

#include <fmt/format.h>

namespace coach::jobs {
namespace {

// The row trigger marks items OVERDUE when they are written; this catches the items nobody
// touched since their due date passed. The trigger's own rule is kept: an item with a
// completed_date is never OVERDUE. Counted from RETURNING so an item the trigger turned
// elsewhere is not counted.
constexpr std::string_view kOverdueSweep = R"sql(
WITH swept AS (
    UPDATE action_items SET status = 'OVERDUE'
     WHERE status IN ('PENDING', 'IN_PROGRESS')
       AND due_date < $1::date
       AND completed_date IS NULL
    RETURNING status
)
SELECT count(*) FILTER (WHERE status = 'OVERDUE') FROM swept)sql";

// CONCURRENTLY (readers are never blocked) needs the view's unique index; it may run inside
// a transaction block.
constexpr std::string_view kRefreshTeamSummary =
    "REFRESH MATERIALIZED VIEW CONCURRENTLY team_performance_summary";
constexpr std::string_view kCountTeams = "SELECT count(*) FROM team_performance_summary";

// DECISION: percent_rank, not cume_dist: the ranking is "better than this share of the other
// active agents" ((rank - 1) / (n - 1)): the lowest average is 0, the highest 100, ties share
// the lower rank, and a lone agent gets 0. Values are whole percents (rounded half away from
// zero). The population is every active agent (role AGENT, status ACTIVE or PIP, not
// deleted), opted in or not; a score an agent has no data for in the window is left out of
// that score's ranking and is null. Opted-out agents, inactive agents and agents without any
// data in the window get NULL. Rows whose ranking is unchanged are not written.
// The window is the 30 days ending on today: metric_date in [today - 29, today].
constexpr std::string_view kRankExpr =
    "CASE WHEN {0} IS NOT NULL THEN round((100 * percent_rank() OVER (PARTITION BY {0} IS NULL "
    "ORDER BY {0}))::numeric)::int END AS {0}";

const std::string kPercentiles =
    fmt::format(R"sql(
WITH active AS (
    SELECT u.id
      FROM users u
     WHERE u.role = 'AGENT' AND u.deleted_at IS NULL AND u.status IN ('ACTIVE', 'PIP')
), averages AS (
    SELECT a.id AS agent_id,
           avg(m.service_score)      AS service,
           avg(m.productivity_score) AS productivity,
           avg(m.quality_score)      AS quality,
           avg(m.attendance_rate)    AS attendance,
           avg(m.adherence_score)    AS adherence,
           avg(m.composite_score)    AS composite
      FROM active a
      LEFT JOIN performance_metrics m
             ON m.agent_id = a.id AND m.metric_date BETWEEN $1::date - 29 AND $1::date
     GROUP BY a.id
), ranked AS (
    SELECT agent_id, {}, {}, {}, {}, {}, {}
      FROM averages
), rankings AS (
    SELECT p.agent_id,
           CASE WHEN p.peer_comparison_opt_in
                 AND num_nonnulls(r.service, r.productivity, r.quality, r.attendance,
                                  r.adherence, r.composite) > 0
                THEN jsonb_build_object('service', r.service, 'productivity', r.productivity,
                                        'quality', r.quality, 'attendance', r.attendance,
                                        'adherence', r.adherence, 'composite', r.composite)
           END AS ranking
      FROM agent_profiles p
      LEFT JOIN ranked r ON r.agent_id = p.agent_id
)
UPDATE agent_profiles p
   SET percentile_ranking = x.ranking
  FROM rankings x
 WHERE x.agent_id = p.agent_id
   AND p.percentile_ranking IS DISTINCT FROM x.ranking)sql",
                fmt::format(kRankExpr, "service"), fmt::format(kRankExpr, "productivity"),
                fmt::format(kRankExpr, "quality"), fmt::format(kRankExpr, "attendance"),
                fmt::format(kRankExpr, "adherence"), fmt::format(kRankExpr, "composite"));

// Daily metrics with metric_date before today - 13 months move to the archive (0001's
// archive_old_metrics, one statement); history periods ending before today - 3 years go.
constexpr std::string_view kArchive =
    "SELECT archive_old_metrics(($1::date - interval '13 months')::date)";
constexpr std::string_view kDeleteOldHistory =
    "DELETE FROM performance_history WHERE period_ending < ($1::date - interval '3 years')::date";

constexpr std::string_view kRefreshSnapshots = "SELECT refresh_agent_snapshots(NULL, $1::date)";

}  // namespace

Result<JobOutput> dashboard_snapshots(JobContext& c) {
    auto r = c.conn.exec(kRefreshSnapshots, db::params(c.today));
    if (!r)
        return r.error();
    return JobOutput{r->get_int(0, 0), "{}"};
}

Result<JobOutput> overdue_sweep(JobContext& c) {
    auto r = c.conn.exec(kOverdueSweep, db::params(c.today));
    if (!r)
        return r.error();
    return JobOutput{r->get_int(0, 0), "{}"};
}

Result<JobOutput> team_summary(JobContext& c) {
    if (auto r = c.conn.exec(kRefreshTeamSummary); !r)
        return r.error();
    auto n = c.conn.exec(kCountTeams);
    if (!n)
        return n.error();
    return JobOutput{n->get_int(0, 0), "{}"};
}

Result<JobOutput> percentiles(JobContext& c) {
    auto r = c.conn.exec(kPercentiles, db::params(c.today));
    if (!r)
        return r.error();
    return JobOutput{r->affected(), "{}"};
}

Result<JobOutput> retention(JobContext& c) {
    auto archived = c.conn.exec(kArchive, db::params(c.today));
    if (!archived)
        return archived.error();
    auto deleted = c.conn.exec(kDeleteOldHistory, db::params(c.today));
    if (!deleted)
        return deleted.error();
    long long moved = archived->get_int(0, 0), gone = deleted->affected();
    return JobOutput{
        moved + gone,
        fmt::format(R"({{"metrics_archived": {}, "history_deleted": {}}})", moved, gone)};
}

}  // namespace coach::jobs
