#pragma once
// The dashboards' JSON, in one place (docs/architecture.md, "JSON"). Written by hand here where
// the views are benchmark hot paths: the cards (team dashboard, MANAGER home) and the
// overview's daily series, where PostgreSQL's json_build_object cost more than the rest of the
// query (bench/RESULTS.md, "Why the code is as it is"); the figures that are JSON already
// (a card's snapshot figures, latest, avg_30d, trends) are passed through as PostgreSQL stored
// them. Built by PostgreSQL (json_build_object in the statement), which is simpler, where a
// view is one object or a page of small rows: the ADMIN home (sql/admin_home.sql), the
// overview without its series (sql/agent_overview.sql), the team summary's rows
// (sql/team_summary.sql), a team's averages (sql/manager_team_averages.sql) and daily averages
// (sql/team_daily_averages.sql).
#include "dashboards/cards.hpp"
#include "dashboards/store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace coach::dashboards {

// {"team_leader": {"id", "name"}, "as_of", "agents": [cards]}; with `role`, {"role": role, ...}.
std::string team_dashboard_json(const TeamDashboard& d,
                                std::optional<std::string_view> role = std::nullopt);

// {"role": "MANAGER", "as_of", "teams": [{"team_leader_id", "team_leader_name", "agent_count",
// "active_pips", "levels": {EXCELLENT .. CRITICAL, NONE}, "avg_30d", "top_urgent_agents":
// [the 3 most urgent cards]}]}.
std::string manager_home_json(const ManagerHome& home);

// The overview object with "series": [{"metric_date", <metrics::kChartedMetrics>}, ...].
std::string agent_overview_json(AgentOverview overview);

// {"role": role, ...the members of `object`} (`object` a JSON object).
std::string with_role(std::string_view role, std::string_view object);

// One card's JSON object.
void append_card_json(std::string& out, const Card& card);
// A JSON string literal (quotes included) of UTF-8 text.
void append_json_string(std::string& out, std::string_view text);
// A JSON value for an optional: the text as is (numbers, JSON), or null.
void append_raw_or_null(std::string& out, const std::optional<std::string>& raw);
// The members a card has when its agent has no snapshot.
inline constexpr std::string_view kNoFigures =
    R"("snapshot_as_of":null,"performance_level":null,"latest":null,"avg_30d":null,"trends":null)";

}  // namespace coach::dashboards
