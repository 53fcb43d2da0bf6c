#include "history/routes.hpp"

#include "history/store.hpp"
#include "http/collection.hpp"
#include "http/export.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"
#include "metrics/range_query.hpp"

namespace coach::history {

namespace {

// ?agent_id=&period_type=WEEK|MONTH|QUARTER&from=&to= (period_ending bounds)&limit=&cursor=
awaitable<Result<Response>> list(RequestContext& ctx) {
    std::vector<FieldError> errors;
    metrics::RangeQuery q = metrics::read_range_query(ctx, errors);
    constexpr std::string_view kPeriodTypes[] = {"WEEK", "MONTH", "QUARTER"};
    auto period_type = http::enum_query(ctx, "period_type", kPeriodTypes, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    if (q.agent_id) {
        auto ok = co_await metrics::require_readable(ctx, *q.agent_id);
        if (!ok)
            co_return ok.error();
    }
    ListFilter f{q.agent_id, period_type, q.from, q.to, q.page.limit, q.page.after};
    co_return http::collection_response(co_await list_history(ctx.db, ctx.me(), f));
}

awaitable<Result<Response>> get(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto row = co_await find_history(ctx.db, *id);
    if (!row)
        co_return row.error();
    if (!*row || !auth::may(ctx.me(), auth::Resource::Metrics, auth::Action::Read, (*row)->subject))
        co_return not_found();
    co_return http::json_text(http::Status::ok, std::move((*row)->json));
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/performance-history", list, http::Access::Authenticated,
                http::kJsonBodyLimit,
                "List weekly, monthly and quarterly performance history in the caller's scope"});
    // Before /{id}: the router takes the first pattern that matches.
    router.add({Verb::get, "/api/v1/performance-history/export",
                http::exported(list, {"performance-history",
                                      "/items",
                                      {{"Agent ID", "/agent_id"},
                                       {"Period", "/period_type"},
                                       {"Period ending", "/period_ending"},
                                       {"Composite", "/avg_composite_score"},
                                       {"Service", "/avg_service_score"},
                                       {"Productivity", "/avg_productivity_score"},
                                       {"Quality", "/avg_quality_score"},
                                       {"Attendance", "/avg_attendance_rate"},
                                       {"Adherence", "/avg_adherence_score"},
                                       {"Service trend", "/service_trend"},
                                       {"Productivity trend", "/productivity_trend"},
                                       {"Quality trend", "/quality_trend"},
                                       {"Attendance trend", "/attendance_trend"},
                                       {"Adherence trend", "/adherence_trend"},
                                       {"Variance", "/score_variance"},
                                       {"Days worked", "/days_worked"},
                                       {"Events", "/annotations/events", "description"}},
                                      true}),
                http::Access::Authenticated, http::kJsonBodyLimit,
                "Performance history as CSV or XLSX (the list's filters)"});
    router.add({Verb::get, "/api/v1/performance-history/{id}", get, http::Access::Authenticated,
                http::kJsonBodyLimit, "Get one period of performance history"});
}

}  // namespace coach::history
