#pragma once
// SQL of the dashboards: every view is one statement (or one pipeline), never one per agent.
#include "auth/scope.hpp"
#include "dashboards/cards.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::dashboards {

using boost::asio::awaitable;

// GET /teams/{id}/dashboard. $1 team leader id, $2 viewer id, $3 viewer role. One row per
// live, non-terminated agent of that team leader (one row with NULL agent columns when there
// is none); no row when the id is not a TEAM_LEADER in the viewer's scope. Columns:
// team_leader_id, team_leader_name, CURRENT_DATE, then the card columns (cards.hpp).
extern const std::string kTeamDashboardSql;
// The same, sent with the session lookup (http::Prefetch): $3 team leader id, the viewer from
// the session (auth::with_viewer).
extern const std::string kTeamDashboardPrefetchSql;

struct TeamDashboard {
    std::string team_leader_id;
    std::string team_leader_name;
    std::string as_of;        // CURRENT_DATE of the database
    std::vector<Card> cards;  // most urgent first
    db::PgResult rows;        // the text the cards view
};

// From the rows of either statement; nullopt when there are none (no such team leader in the
// viewer's scope).
std::optional<TeamDashboard> team_dashboard_from(db::PgResult rows);
// nullopt: no such team leader in the viewer's scope.
awaitable<Result<std::optional<TeamDashboard>>> load_team_dashboard(
    db::Pool& pool, const auth::Principal& viewer, const std::string& team_leader_id);

// {"team_leader": {...}, "as_of": ..., "agents": [...]}; with `role`, {"role": role, ...}.
std::string team_dashboard_json(const TeamDashboard& d,
                                std::optional<std::string_view> role = std::nullopt);

// GET /dashboard for a MANAGER: their team leaders with team averages and top-3 urgent agents.
awaitable<Result<std::string>> manager_home_json(db::Pool& pool, const std::string& manager_id);
// GET /dashboard for an ADMIN: organisation counts.
awaitable<Result<std::string>> admin_home_json(db::Pool& pool);

// GET /agents/{id}/overview between `from` and `to` (YYYY-MM-DD, inclusive); nullopt when the
// id is not an AGENT in the viewer's scope.
awaitable<Result<std::optional<std::string>>> agent_overview_json(db::Pool& pool,
                                                                  const auth::Principal& viewer,
                                                                  const std::string& agent_id,
                                                                  const std::string& from,
                                                                  const std::string& to);

// GET /team-performance-summary: rows of the materialized view in the viewer's scope, by
// team_leader_name then id, keyset-paginated after (name, id).
struct SummaryPage {
    std::vector<std::string> items;                    // JSON objects
    std::optional<std::vector<std::string>> last_key;  // (name, id) when there are more
};
awaitable<Result<SummaryPage>> team_performance_summary(
    db::Pool& pool, const auth::Principal& viewer, int limit,
    const std::optional<std::vector<std::string>>& after);

// The scope rule for team leader rows `tl`, $viewer/$role placeholders (auth::in_scope for
// subjects that are TEAM_LEADERs; tested against it).
std::string team_leader_scope(std::string_view viewer, std::string_view role);

}  // namespace coach::dashboards
