#include "dashboards/routes.hpp"

#include "dashboards/date_range.hpp"
#include "dashboards/json.hpp"
#include "dashboards/store.hpp"
#include "http/collection.hpp"
#include "http/export.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"
#include "http/services.hpp"

namespace coach::dashboards {

namespace {

awaitable<Result<Response>> team_dashboard(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "team_leader_id");
    if (!id)
        co_return id.error();
    if (!auth::role_may(ctx.me().role, auth::Resource::Teams, auth::Action::Read))
        co_return make_error(ErrorCode::Forbidden, "Agents have no team dashboard.");
    // The statement came with the session lookup (team_dashboard_prefetch), in one round trip.
    // (Not a ?: with a co_await in one branch: g++ 12 destroys such a temporary twice.)
    Result<std::optional<TeamDashboard>> d = std::optional<TeamDashboard>{};
    if (ctx.prefetched)
        d = co_await current_team_dashboard(ctx.db, ctx.me(),
                                            team_dashboard_from(std::move(*ctx.prefetched)));
    else
        d = co_await load_team_dashboard(ctx.db, ctx.me(), *id);
    if (!d)
        co_return d.error();
    if (!*d)
        co_return not_found();
    co_return http::json_text(http::Status::ok, team_dashboard_json(**d));
}

std::optional<db::Query> team_dashboard_prefetch(const RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "team_leader_id");
    if (!id)
        return std::nullopt;
    return team_dashboard_prefetch_query(*id);
}

// The from=/to= of the overview and of a team's daily averages: 90 days by default, at most
// two years (the archive keeps older days). 422 names the bad fields.
Result<DateRange> series_range(const RequestContext& ctx) {
    constexpr int kDefaultDays = 90;
    constexpr int kMaxDays = 731;
    std::vector<FieldError> errors;
    auto range = read_date_range(ctx.query_param("from"), ctx.query_param("to"),
                                 ctx.services.time_zone.today(), kDefaultDays, kMaxDays, errors);
    if (!range)
        return validation_error(std::move(errors));
    return std::move(*range);
}

awaitable<Result<std::optional<AgentOverview>>> overview_of(RequestContext& ctx,
                                                            const std::string& agent_id) {
    auto range = series_range(ctx);
    if (!range)
        co_return range.error();
    co_return co_await load_agent_overview(ctx.db, ctx.me(), agent_id, range->from, range->to);
}

awaitable<Result<Response>> overview(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto found = co_await overview_of(ctx, *id);
    if (!found)
        co_return found.error();
    if (!*found)
        co_return not_found();
    co_return http::json_text(http::Status::ok, agent_overview_json(std::move(**found)));
}

// A team's average of each charted metric per day: the agent page's "Team average" line.
awaitable<Result<Response>> team_daily_averages(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "team_leader_id");
    if (!id)
        co_return id.error();
    if (!auth::role_may(ctx.me().role, auth::Resource::Teams, auth::Action::Read))
        co_return make_error(ErrorCode::Forbidden, "Agents have no team averages.");
    auto range = series_range(ctx);
    if (!range)
        co_return range.error();
    auto json = co_await load_team_daily_averages(ctx.db, ctx.me(), *id, range->from, range->to);
    if (!json)
        co_return json.error();
    if (!*json)
        co_return not_found();
    co_return http::json_text(http::Status::ok, std::move(**json));
}

awaitable<Result<Response>> home(RequestContext& ctx) {
    const auth::Principal& me = ctx.me();
    switch (me.role) {
        case auth::Role::TeamLeader: {
            auto d = co_await load_team_dashboard(ctx.db, me, me.id);
            if (!d)
                co_return d.error();
            if (!*d)  // signed in, so only a deleted or demoted account gets here
                co_return not_found();
            co_return http::json_text(http::Status::ok, team_dashboard_json(**d, "TEAM_LEADER"));
        }
        case auth::Role::Manager: {
            auto home = co_await load_manager_home(ctx.db, me.id);
            if (!home)
                co_return home.error();
            co_return http::json_text(http::Status::ok, manager_home_json(*home));
        }
        case auth::Role::Agent: {
            auto found = co_await overview_of(ctx, me.id);
            if (!found)
                co_return found.error();
            if (!*found)
                co_return not_found();
            co_return http::json_text(http::Status::ok,
                                      with_role("AGENT", agent_overview_json(std::move(**found))));
        }
        case auth::Role::Admin: {
            auto json = co_await load_admin_home(ctx.db);
            if (!json)
                co_return json.error();
            co_return http::json_text(http::Status::ok, std::move(*json));
        }
    }
    co_return make_error(ErrorCode::Internal, "unknown role");
}

awaitable<Result<Response>> summary(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, auth::Resource::Teams, auth::Action::Read))
        co_return make_error(ErrorCode::Forbidden, "Agents cannot see the team summary.");
    std::vector<FieldError> errors;
    http::Page page = http::read_page(ctx, {http::KeyPart::Text, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    co_return http::collection_response(
        co_await team_performance_summary(ctx.db, ctx.me(), page.limit, page.after));
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/dashboard", home, http::Access::Authenticated,
                http::kJsonBodyLimit, "The caller's role-specific home"});
    // For Excel: the queue and the team matrix as the JSON routes answer them (http/export).
    std::vector<http::ExportColumn> queue{
        {"Agent", "/name"},
        {"Employee ID", "/employee_id"},
        {"Status", "/status"},
        {"Urgency", "/urgency_score"},
        {"Reasons", "/urgency_reasons", "text"},
        {"Level", "/performance_level"},
        {"Composite", "/latest/composite_score"},
        {"Composite trend", "/trends/composite_score"},
        {"Composite 30-day average", "/avg_30d/composite_score"},
        {"Service", "/latest/service_score"},
        {"Productivity", "/latest/productivity_score"},
        {"Quality", "/latest/quality_score"},
        {"Attendance", "/latest/attendance_rate"},
        {"Adherence", "/latest/adherence_score"},
        {"CSAT", "/latest/csat"},
        {"FCR", "/latest/fcr"},
        {"AHT (s)", "/latest/aht"},
        {"Latest day", "/latest/metric_date"},
        {"Days since coaching", "/days_since_last_coaching"},
        {"Last coaching", "/last_coaching_at"},
        {"Overdue action items", "/overdue_action_items"},
        {"Unaddressed high-priority notes", "/unaddressed_high_notes"},
        {"Active PIP", "/active_pip"}};
    router.add({Verb::get, "/api/v1/teams/{team_leader_id}/dashboard/export",
                http::exported(team_dashboard, {"priority-queue", "/agents", std::move(queue)}),
                http::Access::Authenticated, http::kJsonBodyLimit,
                "The team's priority queue as CSV or XLSX"});
    router.add({Verb::get, "/api/v1/team-performance-summary/export",
                http::exported(summary, {"team-matrix",
                                         "/items",
                                         {{"Team leader", "/team_leader_name"},
                                          {"Agents", "/agent_count"},
                                          {"Average composite", "/avg_team_score"},
                                          {"Average service", "/avg_service_score"},
                                          {"Average quality", "/avg_quality_score"},
                                          {"Active PIPs", "/active_pips"},
                                          {"Sessions last week", "/sessions_last_week"},
                                          {"As of", "/as_of"}},
                                         true}),
                http::Access::Authenticated, http::kJsonBodyLimit,
                "The team performance matrix as CSV or XLSX"});
    router.add({Verb::get, "/api/v1/teams/{team_leader_id}/dashboard", team_dashboard,
                http::Access::Authenticated, http::kJsonBodyLimit,
                "A team leader's agents ranked by coaching urgency", 0, team_dashboard_prefetch});
    router.add({Verb::get, "/api/v1/teams/{team_leader_id}/daily-averages", team_daily_averages,
                http::Access::Authenticated, http::kJsonBodyLimit,
                "A team's average of each daily metric, per day"});
    router.add({Verb::get, "/api/v1/team-performance-summary", summary, http::Access::Authenticated,
                http::kJsonBodyLimit, "Team performance matrix (team_performance_summary)"});
    router.add({Verb::get, "/api/v1/agents/{id}/overview", overview, http::Access::Authenticated,
                http::kJsonBodyLimit, "An agent's scorecard, daily series and history"});
}

}  // namespace coach::dashboards
