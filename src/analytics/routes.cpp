// GET /analytics/correlations. Its JSON is built by PostgreSQL (json_build_object in
// sql/correlations.sql): one row of aggregates, nothing to write here but the text.
#include "analytics/routes.hpp"

#include "analytics/correlations.hpp"
#include "dashboards/date_range.hpp"
#include "http/handler.hpp"
#include "http/response.hpp"
#include "http/services.hpp"

namespace coach::analytics {

namespace {

// 90 days by default, at most a year and a day (the statement scans every daily row of the
// scope in the range).
constexpr int kDefaultDays = 90;
constexpr int kMaxDays = 366;

awaitable<Result<Response>> correlations(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, auth::Resource::Effectiveness, auth::Action::Read))
        co_return make_error(ErrorCode::Forbidden, "Agents cannot see analytics.");
    std::vector<FieldError> errors;
    auto range =
        dashboards::read_date_range(ctx.query_param("from"), ctx.query_param("to"),
                                    ctx.services.time_zone.today(), kDefaultDays, kMaxDays, errors);
    if (!range)
        co_return validation_error(std::move(errors));
    auto json = co_await correlations_json(ctx.db, ctx.me(), range->from, range->to);
    if (!json)
        co_return json.error();
    co_return http::json_text(http::Status::ok, std::move(*json));
}

}  // namespace

void add_routes(http::Router& router) {
    router.add({http::Verb::get, "/api/v1/analytics/correlations", correlations,
                http::Access::Authenticated, http::kJsonBodyLimit,
                "Pearson correlations between the daily metrics of the caller's scope"});
}

}  // namespace coach::analytics
