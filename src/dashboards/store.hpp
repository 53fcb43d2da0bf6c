#pragma once
// The dashboards' statements (src/dashboards/sql/), run and read by column name: every view is
// one statement (or one pipeline), never one per agent. The JSON is written in json.hpp.
#include "auth/scope.hpp"
#include "dashboards/cards.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::dashboards {

using boost::asio::awaitable;

// GET /teams/{id}/dashboard: a team leader's agents, most urgent first.
struct TeamDashboard {
    std::string team_leader_id;
    std::string team_leader_name;
    std::string as_of;        // CURRENT_DATE of the database
    std::vector<Card> cards;  // most urgent first
    db::PgResult rows;        // the text the cards view
};

// From the rows of sql::team_dashboard or sql::team_dashboard_prefetch; nullopt when there are
// none (no such team leader whose team the viewer may read).
std::optional<TeamDashboard> team_dashboard_from(db::PgResult rows);
// nullopt: no such team leader whose team the viewer may read. Cards whose snapshot is of
// another day than as_of (the organisation's midnight passed, or its zone changed, since the
// snapshot was computed) are refreshed first, so a dashboard never shows yesterday's window
// under today's date; this costs one more round trip, once per agent and day.
awaitable<Result<std::optional<TeamDashboard>>> load_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id);
// `d` (read from a prefetch) with its stale snapshots refreshed as load_team_dashboard does.
awaitable<Result<std::optional<TeamDashboard>>> current_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, std::optional<TeamDashboard> d);
// sql::team_dashboard_prefetch for the session lookup's round trip (http::Prefetch): its own
// parameter ($3, the team leader) only; the lookup's come first.
db::Query team_dashboard_prefetch_query(const std::string& team_leader_id);

// GET /dashboard for a MANAGER: their teams, each with its cards (most urgent first) and the
// averages of its agents' 30-day averages. Stale snapshots are refreshed first (as above).
struct ManagerTeam {
    std::string team_leader_id, team_leader_name;
    std::vector<Card> cards;             // most urgent first
    std::optional<std::string> avg_30d;  // a JSON object (PostgreSQL's)
};
struct ManagerHome {
    std::optional<std::string> as_of;  // CURRENT_DATE of the database; nullopt without teams
    std::vector<ManagerTeam> teams;    // by team leader name, then id
    db::PgResult rows;                 // the text the cards view
};
awaitable<Result<ManagerHome>> load_manager_home(db::Pool& pool, const std::string& manager_id);

// GET /dashboard for an ADMIN: the organisation's counts, as JSON (PostgreSQL's).
awaitable<Result<std::string>> load_admin_home(db::Pool& pool);

// GET /agents/{id}/overview between `from` and `to` (YYYY-MM-DD, inclusive).
struct AgentOverview {
    std::string json;     // the overview object without its series (PostgreSQL's)
    db::PgResult series;  // sql::agent_series: metric_date, then metrics::kChartedMetrics
};
// nullopt when the id is not an AGENT whose metrics the viewer may read.
awaitable<Result<std::optional<AgentOverview>>> load_agent_overview(db::Pool& pool,
                                                                    const auth::Principal& viewer,
                                                                    const std::string& agent_id,
                                                                    const std::string& from,
                                                                    const std::string& to);

// GET /teams/{id}/daily-averages between `from` and `to` (YYYY-MM-DD, inclusive): the JSON
// object of sql::team_daily_averages (PostgreSQL's); nullopt when the id is not a TEAM_LEADER
// whose team the viewer may read.
awaitable<Result<std::optional<std::string>>> load_team_daily_averages(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id,
    const std::string& from, const std::string& to);

// GET /team-performance-summary: the summary, computed now, of the team leaders whose team the
// viewer may read, by team_leader_name then id, keyset-paginated after (name, id); items are
// JSON objects.
awaitable<Result<db::KeysetPage>> team_performance_summary(
    db::Pool& pool, const auth::Principal& viewer, int limit,
    const std::optional<std::vector<std::string>>& after);

}  // namespace coach::dashboards
